/**
 * Issue 7's two-node scenario: 300 editors on one board, half connected to each of two of our
 * nodes (one PostgreSQL database, one Redis prefix), so half of every edit's deliveries cross
 * nodes through Redis; against the same 300 editors on ONE such node, in the same run, alternately.
 * The single node is configured exactly like each of the two (PostgreSQL + Redis), so the ratio is
 * the price of spreading the board, not of switching Redis on.
 */

import type { Topology } from "../lib/deployment.ts";
import type { Columns, Row } from "../lib/report.ts";
import { type EditRun, type EditShape, runEdits } from "./editLatency.ts";
import { alternate, type Merged, mergeRuns, roundSummary } from "./runs.ts";
import type { Scenario } from "./scenarios.ts";

type Side = "two" | "one";

const TOPOLOGY: Record<Side, Topology> = {
  two: { nodes: 2, redis: true, store: "postgres" },
  one: { nodes: 1, redis: true, store: "postgres" },
};

const SHAPE: EditShape = { boards: 1, seatsPerBoard: 300, writersPerBoard: 300, presence: false, providersPerBoard: 0 };

const COLUMNS: Columns = { left: "Two nodes", right: "One node", leftShort: "two", rightShort: "one" };

const TITLE = "300 editors over two nodes (PostgreSQL + Redis)";

function rows(m: Record<Side, Merged>): Row[] {
  const otherLoad = { ours: m.two.otherCores, vanilla: m.one.otherCores };
  const row = (metric: string, pick: (x: Merged) => number, decimals: number, extra: Partial<Row> = {}): Row => {
    const two = pick(m.two);
    const one = pick(m.one);
    const ratio = one > 0 && Number.isFinite(two) ? two / one : undefined;
    return { scenario: TITLE, metric, ours: two, vanilla: one, decimals, ratio, otherLoad, ...extra };
  };
  return [
    row("Latency p50 (ms)", (x) => x.latencyMs.p50, 1),
    row("Latency p95 (ms)", (x) => x.latencyMs.p95, 1),
    row("Latency p99 (ms)", (x) => x.latencyMs.p99, 1),
    row("Cross-node deliveries p50 (ms)", (x) => x.crossNodeLatencyMs.p50, 1, { ratio: undefined }),
    row("Cross-node deliveries p99 (ms)", (x) => x.crossNodeLatencyMs.p99, 1, { ratio: undefined }),
    row("Delivered (%)", (x) => x.deliveredPct, 2, { goal: { text: "100 %", met: m.two.deliveredPct >= 100 } }),
    row("Server CPU per delivered edit, all nodes (µs)", (x) => x.serverCpuUsPerDelivered, 1),
    row("PostgreSQL CPU per delivered edit (µs)", (x) => x.storeCpuUsPerDelivered, 1),
    row("Redis server CPU per delivered edit (µs)", (x) => x.redisCpuUsPerDelivered, 1),
    row("Edits sent (all rounds)", (x) => x.sent, 0),
    row("Server CPU, all nodes (cores)", (x) => x.serverCores, 2),
    row("Server RSS peak, all nodes (MiB)", (x) => x.serverRssMaxMiB, 0),
    row("Clients' CPU, bench process (cores)", (x) => x.clientCores, 2),
  ];
}

export const twoNodesScenario: Scenario = {
  name: "two-nodes",
  title: TITLE,
  async run(context) {
    const runs: Record<Side, EditRun[]> = { two: [], one: [] };
    const rounds: ReturnType<typeof roundSummary>[] = [];
    // Alternated with the other scenarios' "ours first / vanilla first": two nodes stand for ours.
    const first: Side = context.first === "ours" ? "two" : "one";
    for (const side of alternate<Side>(first, first === "two" ? "one" : "two", context.rounds)) {
      const run = await runEdits("ours", SHAPE, context.settings, context.progress, TOPOLOGY[side]);
      runs[side].push(run);
      rounds.push(roundSummary(run, side === "two" ? "two nodes" : "one node"));
    }
    const merged = { two: mergeRuns(runs.two), one: mergeRuns(runs.one) };
    return {
      name: "two-nodes",
      title: TITLE,
      rows: rows(merged),
      columns: COLUMNS,
      detail: { shape: SHAPE, topology: TOPOLOGY, seatsToNodes: "round robin by seat", twoNodes: merged.two, oneNode: merged.one, rounds },
    };
  },
};
