/** Rounds of edit runs: the order they alternate in, and several rounds of one side merged into one. */
import { summarize } from "../lib/stats.ts";
import type { EditRun } from "./editLatency.ts";

/** a, b, b, a, a, b, ... (ABBA over rounds, so a drift in the machine's load hits both alike). */
export function alternate<T>(first: T, second: T, rounds: number): T[] {
  return Array.from({ length: rounds }, (_, r) => (r % 2 === 0 ? [first, second] : [second, first])).flat();
}

export const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** Several rounds' runs of one side as one: all samples, summed counts, mean or peak load. */
export function mergeRuns(runs: EditRun[]) {
  const received = runs.reduce((n, r) => n + r.received, 0);
  const expected = runs.reduce((n, r) => n + r.expected, 0);
  const serverCpuMs = runs.reduce((n, r) => n + r.load.serverCpuMs, 0);
  const storeCpuMs = runs.reduce((n, r) => n + r.load.storeCpuMs, 0);
  const redisCpuMs = runs.reduce((n, r) => n + r.load.redisCpuMs, 0);
  const perDelivered = (ms: number) => (received > 0 ? (1000 * ms) / received : Number.NaN);
  return {
    store: runs[0]?.store,
    nodes: runs[0]?.nodes,
    latencyMs: summarize(runs.flatMap((r) => r.samples)),
    crossNodeLatencyMs: summarize(runs.flatMap((r) => r.crossNodeSamples)),
    deliveredPct: expected > 0 ? (100 * received) / expected : Number.NaN,
    sent: runs.reduce((n, r) => n + r.sent, 0),
    received,
    expected,
    serverCpuMs,
    serverCpuUsPerDelivered: perDelivered(serverCpuMs),
    serverCores: mean(runs.map((r) => r.load.serverCores)),
    serverRssMaxMiB: Math.max(...runs.map((r) => r.load.serverRssMaxMiB)),
    serverRssMaxPerNodeMiB: runs.map((r) => r.load.serverRssMaxPerNodeMiB),
    /** The PostgreSQL backends serving our database (0 elsewhere). */
    storeCpuMs,
    storeCpuUsPerDelivered: perDelivered(storeCpuMs),
    /** The Redis server while several nodes (or one with REDIS_URL) use it (0 elsewhere). */
    redisCpuMs,
    redisCpuUsPerDelivered: perDelivered(redisCpuMs),
    clientCores: mean(runs.map((r) => r.load.clientCores)),
    otherCores: mean(runs.map((r) => r.load.otherCores)),
    stealCores: mean(runs.map((r) => r.load.stealCores)),
    connectMs: mean(runs.map((r) => r.connectMs)),
    serverLog: {
      warn: runs.reduce((n, r) => n + r.serverLog.warn, 0),
      error: runs.reduce((n, r) => n + r.serverLog.error, 0),
      problems: runs.flatMap((r) => r.serverLog.problems).slice(0, 10),
    },
  };
}

export type Merged = ReturnType<typeof mergeRuns>;

/** One run in the order it ran, for the JSON: on a shared machine a round can stand out. */
export function roundSummary(run: EditRun, label: string) {
  return {
    label,
    store: run.store,
    nodes: run.nodes,
    p50Ms: run.latencyMs.p50,
    p99Ms: run.latencyMs.p99,
    crossNodeP99Ms: run.crossNodeLatencyMs.n > 0 ? run.crossNodeLatencyMs.p99 : undefined,
    deliveredPct: run.deliveredPct,
    sent: run.sent,
    serverCores: run.load.serverCores,
    storeCores: run.load.storeCores,
    redisCores: run.load.redisCores,
    clientCores: run.load.clientCores,
    otherCores: run.load.otherCores,
    // Time the hypervisor gave other guests: one round's outlier is often this.
    stealCores: run.load.stealCores,
    serverRssMaxMiB: run.load.serverRssMaxMiB,
  };
}
