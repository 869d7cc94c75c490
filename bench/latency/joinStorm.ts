/**
 * Join storm against one server: a loaded board (60 cases × 20 cards), 10 typists editing at
 * 2 edits/s, and then 100 people opening the board at the same moment. How late do the typists'
 * edits arrive while the server sends the whole board a hundred times, and for how long?
 */

import type { SeatPlan } from "../lib/benchClient.ts";
import { prepareLoadedBoard } from "../lib/boardSetup.ts";
import type { ServerKind } from "../lib/childServer.ts";
import { nowMs, sleep } from "../lib/clock.ts";
import { startDeployment } from "../lib/deployment.ts";
import { Fleet } from "../lib/fleet.ts";
import { type Load, LoadMeter } from "../lib/loadMeter.ts";
import { type Join, rawJoin } from "../lib/rawJoiner.ts";
import { seatClients } from "../lib/seating.ts";
import type { Settings } from "../lib/settings.ts";
import { type Summary, summarize } from "../lib/stats.ts";
import { withServerTail } from "./editLatency.ts";

export interface StormShape {
  typists: number;
  joiners: number;
  /** Typing before the storm (the baseline) and after the last joiner has the board. */
  beforeMs: number;
  afterMs: number;
}

export interface StormRun {
  server: ServerKind;
  /** Typists' latency before the storm, and for edits sent while joiners were still loading. */
  baselineMs: Summary;
  stormMs: Summary;
  /** From the storm's start until the last joiner held the whole board. */
  stormDurationMs: number;
  /** From the storm's start until the last typist edit that arrived later than `slowMs`. */
  slowForMs: number;
  /** What counts as slow: 50 ms or 3× the baseline p99, whichever is more. */
  slowMs: number;
  joinMs: Summary;
  /** The board as one Yjs update, and as the server sends it to a joiner (before compression). */
  boardStateBytes: number;
  boardBytes: number;
  deliveredPct: number;
  /** Server load during the storm itself, and its memory peak. */
  stormLoad: Load;
}

export async function runStorm(
  kind: ServerKind,
  shape: StormShape,
  settings: Settings,
  progress: (line: string) => void,
): Promise<StormRun> {
  const deployment = await startDeployment(kind, settings);
  const [server] = deployment.nodes;
  let fleet: Fleet | undefined;
  const joins: Join[] = [];
  try {
    const seating = await seatClients(server, 1, shape.typists + shape.joiners);
    const [docName] = seating.docNames;
    const tokens = seating.tokens[0];
    progress(`${kind}: writing the loaded board`);
    const board = await prepareLoadedBoard(server.wsUrl, docName, seating.setupToken, seating.setupStamp);
    const typistCards = board.cardIds.slice(0, shape.typists);
    // Real providers: ten of them apply every update easily.
    const seats: SeatPlan[] = typistCards.map((card, i) => ({ docName, token: tokens[i], ownCard: card, writer: i, kind: "provider" }));
    fleet = await Fleet.assemble(server.wsUrl, seats, { threads: 1, editIntervalMs: settings.editIntervalMs, presence: false });
    board.release();
    await sleep(500);

    const { warmupMs, graceMs } = settings.timing;
    // Joins normally take well under 10 s; the typists keep typing for as long as the storm may last.
    const stormBudgetMs = 10_000;
    const running = fleet.run(warmupMs, shape.beforeMs + stormBudgetMs + shape.afterMs, graceMs);
    await sleep(warmupMs + shape.beforeMs);

    progress(`${kind}: ${shape.joiners} people open the board at once`);
    const meter = new LoadMeter(deployment.pids, await deployment.helperPids().catch(() => undefined));
    const stormStart = nowMs();
    const joinerTokens = tokens.slice(shape.typists);
    joins.push(...(await Promise.all(joinerTokens.map((token) => rawJoin(server.wsUrl, docName, token)))));
    const stormEnd = nowMs();
    const stormLoad = meter.stop();
    const result = await running;

    const baseline: Float64Array[] = [];
    const storm: Float64Array[] = [];
    for (let part = 0; part < result.latencies.length; part++) {
      const pick = (from: number, to: number) =>
        result.latencies[part].filter((_, i) => result.sentAts[part][i] >= from && result.sentAts[part][i] < to);
      baseline.push(pick(Number.NEGATIVE_INFINITY, stormStart));
      storm.push(pick(stormStart, stormEnd));
    }
    const baselineMs = summarize(baseline);
    const slowMs = Math.max(50, 3 * baselineMs.p99);
    let lastSlow = stormStart;
    result.latencies.forEach((latencies, part) => {
      latencies.forEach((latency, i) => {
        if (latency > slowMs && result.receivedAts[part][i] > lastSlow) lastSlow = result.receivedAts[part][i];
      });
    });
    return {
      server: kind,
      baselineMs,
      stormMs: summarize(storm),
      stormDurationMs: stormEnd - stormStart,
      slowForMs: lastSlow - stormStart,
      slowMs,
      joinMs: summarize([Float64Array.from(joins, (join) => join.ms)]),
      boardStateBytes: board.stateBytes,
      boardBytes: joins[0]?.bytes ?? 0,
      deliveredPct: result.expected > 0 ? (100 * result.received) / result.expected : Number.NaN,
      stormLoad,
    };
  } catch (error) {
    throw withServerTail(error, deployment);
  } finally {
    for (const join of joins) join.close();
    await fleet?.stop();
    await deployment.stop();
  }
}
