/**
 * What a measurement window cost: the server's CPU and memory, the benchmark's own CPU (its
 * clients), and what everything else on the machine used meanwhile (other tenants, other jobs).
 */
import { performance } from "node:perf_hooks";
import { machineCpu, processCpuMs, processRssMiB } from "./proc.ts";

export interface Load {
  wallMs: number;
  /** Server process CPU (user + system) in the window. */
  serverCpuMs: number;
  /** Server CPU as cores busy on average (1 = one core flat out). */
  serverCores: number;
  /** Largest server RSS seen while sampling, and the last one. */
  serverRssMaxMiB: number;
  serverRssEndMiB: number;
  /** The benchmark process (all client threads) as cores busy. */
  clientCores: number;
  /** Everything else on the machine as cores busy: the shared machine's other load. */
  otherCores: number;
  /** Time the hypervisor gave to other guests, as cores. */
  stealCores: number;
}

const RSS_SAMPLE_MS = 250;

export class LoadMeter {
  private readonly start = { wall: performance.now(), server: 0, client: 0, machine: machineCpu() };
  private rssMax = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly serverPid: number) {
    this.start.server = processCpuMs(serverPid) ?? 0;
    this.start.client = processCpuMs(process.pid) ?? 0;
    this.sampleRss();
    this.timer = setInterval(() => this.sampleRss(), RSS_SAMPLE_MS);
    this.timer.unref();
  }

  private sampleRss(): number {
    const rss = processRssMiB(this.serverPid) ?? 0;
    this.rssMax = Math.max(this.rssMax, rss);
    return rss;
  }

  stop(): Load {
    clearInterval(this.timer);
    const wallMs = performance.now() - this.start.wall;
    const serverCpuMs = (processCpuMs(this.serverPid) ?? this.start.server) - this.start.server;
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
      clientCores: cores(clientCpuMs),
      // Tick rounding can make this slightly negative on an idle machine.
      otherCores: Math.max(0, cores(busyMs - serverCpuMs - clientCpuMs)),
      stealCores: cores(machine.stealMs - this.start.machine.stealMs),
    };
  }
}
