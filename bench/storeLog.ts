/**
 * The update log alone, without sockets or clients: how long an append takes to be durable when
 * many boards log at once. Isolates the question behind issue 6's 50-boards figure (does libuv's
 * 4-thread pool, one O_DSYNC write per board at a time, hold the edits back?) from the CPU the
 * benchmark's clients compete for. Run it with the environment to compare, e.g.
 *
 *   UV_THREADPOOL_SIZE=16 npx tsx bench/storeLog.ts --store lowdb --docs 50 --rate 20 --seconds 10
 *
 * Prints one JSON line: append-to-durable latency p50/p95/p99/max, appends, and the CPU it took.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { z } from "zod";
import { Health } from "../server/health.ts";
import { type DocumentLog, openStore, type Store } from "../server/store/index.ts";
import { createBenchDatabase } from "./lib/benchDatabase.ts";
import { machineCpu, processCpuMs } from "./lib/proc.ts";
import { Samples, summarize } from "./lib/stats.ts";

const Options = z.object({
  store: z.enum(["lowdb", "postgres"]),
  docs: z.coerce.number().int().min(1).max(1_000),
  rate: z.coerce.number().positive().max(1_000),
  seconds: z.coerce.number().positive().max(600),
  bytes: z.coerce.number().int().min(1).max(65_536),
});

const { values } = parseArgs({
  options: {
    store: { type: "string", default: "lowdb" },
    docs: { type: "string", default: "50" },
    rate: { type: "string", default: "20" },
    seconds: { type: "string", default: "10" },
    bytes: { type: "string", default: "100" },
  },
});
const options = Options.parse(values);

async function openBenchStore(): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "maca-bench-log-"));
  const health = new Health();
  if (options.store === "lowdb") {
    const store = await openStore({ dataDir }, health);
    return { store, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const database = await createBenchDatabase();
  const store = await openStore({ dataDir, store: { kind: "postgres", url: database.url, poolMax: 10 } }, health);
  return {
    store,
    cleanup: async () => {
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const { store, cleanup } = await openBenchStore();
  const logs: DocumentLog[] = [];
  try {
    for (let d = 0; d < options.docs; d++) logs.push(await store.openDocumentLog(`bench-log-${d + 1}`));
    // The bytes are never replayed here; only their size matters to the write.
    const update = new Uint8Array(options.bytes).fill(7);
    const latencies = new Samples();
    const pending: Promise<void>[] = [];
    const intervalMs = 1000 / options.rate;
    const cpuBefore = processCpuMs(process.pid) ?? 0;
    const machineBefore = machineCpu();
    const started = performance.now();
    const endAt = started + options.seconds * 1000;
    const timers = logs.map((log) => {
      const tick = () => {
        if (performance.now() >= endAt) return;
        const sentAt = performance.now();
        pending.push(log.append(update).durable.then(() => latencies.push(performance.now() - sentAt)));
      };
      // Each board at its own phase, as real writers are.
      return setTimeout(() => {
        tick();
        timers.push(setInterval(tick, intervalMs));
      }, Math.random() * intervalMs);
    });
    await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
    for (const timer of timers) clearTimeout(timer);
    await Promise.all(pending);
    const wallMs = performance.now() - started;
    const cpuMs = (processCpuMs(process.pid) ?? cpuBefore) - cpuBefore;
    const machineBusyMs = machineCpu().busyMs - machineBefore.busyMs;
    const summary = summarize([latencies.toArray()]);
    console.log(
      JSON.stringify({
        ...options,
        uvThreadpoolSize: process.env.UV_THREADPOOL_SIZE ?? "4 (default)",
        appends: summary.n,
        latencyMs: summary,
        processCores: cpuMs / wallMs,
        otherCores: Math.max(0, (machineBusyMs - cpuMs) / wallMs),
      }),
    );
  } finally {
    for (const log of logs) await log.close().catch(() => undefined);
    await store.close();
    await cleanup();
  }
}

await main();
