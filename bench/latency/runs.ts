/** Rounds of edit runs: the order they alternate in, and several rounds of one side merged into one. */
import { summarize } from "../lib/stats.ts";
import type { EditRun } from "./editLatency.ts";

/** a, b, b, a, a, b, ... (ABBA over rounds, so a drift in the machine's load hits both alike). */
export function alternate<T>(first: T, second: T, rounds: number): T[] {
  return Array.from({ length: rounds }, (_, r) => (r % 2 === 0 ? [first, second] : [second, first])).flat();
}

export const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** The middle value (the mean of the middle two for an even count); NaN for none. */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

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
    /**
     * Each round's p99, and their median: what the goals compare. The p99 of all rounds' samples
     * together is set by the worst round alone (on these shared machines one round in several
     * has hypervisor steal or another guest's burst), so it measures the machine, not the server.
     */
    p99ByRoundMs: runs.map((r) => r.latencyMs.p99),
    p99MedianOfRoundsMs: median(runs.map((r) => r.latencyMs.p99)),
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
    /** The client thread's longest stall in each round, and their median (beside the p99s). */
    clientStallByRoundMs: runs.map((r) => r.clientStalls.longestDelayMs),
    clientStallMedianOfRoundsMs: median(runs.map((r) => r.clientStalls.longestDelayMs)),
    gc: gcSummary(runs, received),
    serverLog: {
      warn: runs.reduce((n, r) => n + r.serverLog.warn, 0),
      error: runs.reduce((n, r) => n + r.serverLog.error, 0),
      problems: runs.flatMap((r) => r.serverLog.problems).slice(0, 10),
    },
  };
}

export type Merged = ReturnType<typeof mergeRuns>;

/** The server's collections per round and heap bytes per delivered edit; undefined unless run with --trace-gc. */
function gcSummary(runs: EditRun[], received: number) {
  if (!runs.some((r) => r.serverGc.scavenges > 0)) return undefined;
  const perDelivered = (bytes: number) => (received > 0 ? bytes / received : Number.NaN);
  return {
    scavengesPerRound: mean(runs.map((r) => r.serverGc.scavenges)),
    scavengeMsPerRound: mean(runs.map((r) => r.serverGc.scavengeMs)),
    markCompactsPerRound: mean(runs.map((r) => r.serverGc.markCompacts)),
    markCompactMsPerRound: mean(runs.map((r) => r.serverGc.markCompactMs)),
    /** The longest single stop in any round. */
    longestMs: Math.max(...runs.map((r) => r.serverGc.longestMs)),
    allocatedBytesPerDelivered: perDelivered(runs.reduce((n, r) => n + r.serverGc.allocatedBytes, 0)),
    promotedBytesPerDelivered: perDelivered(runs.reduce((n, r) => n + r.serverGc.promotedBytes, 0)),
  };
}

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
    ...(run.serverGc.scavenges > 0 ? { serverGc: run.serverGc } : {}),
    clientStalls: run.clientStalls,
  };
}
