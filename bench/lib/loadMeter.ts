/**
 * What a measurement window cost: the server's CPU and memory (summed over its processes when it
 * runs as several nodes), the benchmark's own CPU (its clients), and what everything else on the
 * machine used meanwhile (other tenants, other jobs).
 */
import { performance } from "node:perf_hooks";
import type { HelperPids } from "./deployment.ts";
import { machineCpu, processCpuMs, processRssMiB } from "./proc.ts";

export interface Load {
  wallMs: number;
  /** Server process CPU (user + system) in the window, all nodes together. */
  serverCpuMs: number;
  /** Server CPU as cores busy on average (1 = one core flat out). */
  serverCores: number;
  /** Largest server RSS seen while sampling (all nodes at the same sample, summed), and the last one. */
  serverRssMaxMiB: number;
  serverRssEndMiB: number;
  /** Each node's own largest RSS (one entry for a single server). */
  serverRssMaxPerNodeMiB: number[];
  /** CPU of the PostgreSQL backends serving our database (0 on lowdb and vanilla). */
  storeCpuMs: number;
  storeCores: number;
  /** CPU of the Redis server when the nodes use it (0 otherwise). */
  redisCpuMs: number;
  redisCores: number;
  /** The benchmark process (all client threads) as cores busy. */
  clientCores: number;
  /** Everything else on the machine as cores busy: the shared machine's other load. */
  otherCores: number;
  /** Time the hypervisor gave to other guests, as cores. */
  stealCores: number;
}

const RSS_SAMPLE_MS = 250;

export class LoadMeter {
  private readonly pids: number[];
  private readonly start: {
    wall: number;
    server: number[];
    store: number[];
    redis: number[];
    client: number;
    machine: ReturnType<typeof machineCpu>;
  };
  private rssMax = 0;
  private readonly rssMaxPerNode: number[];
  private readonly timer: NodeJS.Timeout;

  /** `helpers`: database backends and the Redis server, whose CPU is counted apart (not as other load). */
  constructor(
    serverPids: number | readonly number[],
    private readonly helpers: HelperPids = { store: [], redis: [] },
  ) {
    this.pids = typeof serverPids === "number" ? [serverPids] : [...serverPids];
    this.rssMaxPerNode = this.pids.map(() => 0);
    this.start = {
      wall: performance.now(),
      server: this.pids.map((pid) => processCpuMs(pid) ?? 0),
      store: helpers.store.map((pid) => processCpuMs(pid) ?? 0),
      redis: helpers.redis.map((pid) => processCpuMs(pid) ?? 0),
      client: processCpuMs(process.pid) ?? 0,
      machine: machineCpu(),
    };
    this.sampleRss();
    this.timer = setInterval(() => this.sampleRss(), RSS_SAMPLE_MS);
    this.timer.unref();
  }

  private sampleRss(): number {
    let total = 0;
    this.pids.forEach((pid, i) => {
      const rss = processRssMiB(pid) ?? 0;
      this.rssMaxPerNode[i] = Math.max(this.rssMaxPerNode[i], rss);
      total += rss;
    });
    this.rssMax = Math.max(this.rssMax, total);
    return total;
  }

  stop(): Load {
    clearInterval(this.timer);
    const wallMs = performance.now() - this.start.wall;
    const spent = (pids: readonly number[], from: number[]) =>
      pids.reduce((sum, pid, i) => sum + (processCpuMs(pid) ?? from[i]) - from[i], 0);
    const serverCpuMs = spent(this.pids, this.start.server);
    // A backend that exits inside the window loses its share: the pool keeps them while busy.
    const storeCpuMs = spent(this.helpers.store, this.start.store);
    const redisCpuMs = spent(this.helpers.redis, this.start.redis);
    const clientCpuMs = (processCpuMs(process.pid) ?? this.start.client) - this.start.client;
    const machine = machineCpu();
    const busyMs = machine.busyMs - this.start.machine.busyMs;
    const cores = (ms: number) => (wallMs > 0 ? ms / wallMs : 0);
    const rssEnd = this.sampleRss();
    return {
      wallMs,
      serverCpuMs,
      serverCores: cores(serverCpuMs),
      serverRssMaxMiB: this.rssMax,
      serverRssEndMiB: rssEnd,
      serverRssMaxPerNodeMiB: [...this.rssMaxPerNode],
      storeCpuMs,
      storeCores: cores(storeCpuMs),
      redisCpuMs,
      redisCores: cores(redisCpuMs),
      clientCores: cores(clientCpuMs),
      // Tick rounding can make this slightly negative on an idle machine.
      otherCores: Math.max(0, cores(busyMs - serverCpuMs - storeCpuMs - redisCpuMs - clientCpuMs)),
      stealCores: cores(machine.stealMs - this.start.machine.stealMs),
    };
  }
}
