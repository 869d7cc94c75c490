/**
 * Edit-to-other-attendee latency against one server (or several nodes of ours): boards with a
 * card per writer, a fleet of clients (writers at 2 edits/s, the rest listening), and what it cost
 * the server.
 */

import { nodeOfSeat, type SeatPlan } from "../lib/benchClient.ts";
import { prepareWriterCards } from "../lib/boardSetup.ts";
import type { ServerKind } from "../lib/childServer.ts";
import type { ClientStalls } from "../lib/clientStalls.ts";
import { sleep } from "../lib/clock.ts";
import { type Deployment, SINGLE_NODE, startDeployment, type Topology } from "../lib/deployment.ts";
import { Fleet } from "../lib/fleet.ts";
import type { GcTally } from "../lib/gcTrace.ts";
import { type HeapWindow, sampleHeapDuring } from "../lib/heapWindow.ts";
import { type Load, LoadMeter } from "../lib/loadMeter.ts";
import { inParallel, seatClients } from "../lib/seating.ts";
import type { Settings } from "../lib/settings.ts";
import { type Summary, summarize } from "../lib/stats.ts";
import { writeDeliveries } from "../probe/files.ts";

export interface EditShape {
  boards: number;
  /** Connections per board. */
  seatsPerBoard: number;
  /** Of which typing. */
  writersPerBoard: number;
  /** Writers move their caret (awareness) with every edit. */
  presence: boolean;
  /** Seats per board that are real providers (the first ones, writers first); the rest are light clients. */
  providersPerBoard: number;
}

export interface EditRun {
  server: ServerKind;
  store: Deployment["store"];
  nodes: number;
  latencyMs: Summary;
  /** Deliveries of edits written on another node (none with one node). */
  crossNodeLatencyMs: Summary;
  /** received / expected × 100 (within the grace period after the last edit). */
  deliveredPct: number;
  sent: number;
  expected: number;
  received: number;
  /** Server CPU (ms) per delivered edit. */
  serverCpuMsPerDelivered: number;
  load: Load;
  /** Time to connect and sync the whole fleet. */
  connectMs: number;
  serverLog: { warn: number; error: number; problems: string[] };
  /** The server's garbage collections in the measured window (with --trace-gc). */
  serverGc: GcTally;
  /** The client threads' own stalls while they measured (a late read is not the server's). */
  clientStalls: ClientStalls;
  /** Every latency observed (not written to the JSON), for merging rounds. */
  samples: Float64Array[];
  crossNodeSamples: Float64Array[];
}

export async function runEdits(
  kind: ServerKind,
  shape: EditShape,
  settings: Settings,
  progress: (line: string) => void,
  topology: Topology = SINGLE_NODE,
): Promise<EditRun> {
  const deployment = await startDeployment(kind, settings, topology);
  const [server] = deployment.nodes;
  const nodes = deployment.nodes.length;
  const label = nodes > 1 ? `${kind} (${nodes} nodes)` : kind;
  let fleet: Fleet | undefined;
  let heapWindow: HeapWindow | undefined;
  try {
    const seating = await seatClients(server, shape.boards, shape.seatsPerBoard);
    const boards = await inParallel(seating.docNames, (docName) =>
      prepareWriterCards(server.wsUrl, docName, seating.setupToken, seating.setupStamp, shape.writersPerBoard),
    );
    const nodeOf = (seat: number) => {
      const index = nodeOfSeat(seat, nodes);
      return nodes > 1 ? { node: { wsUrl: deployment.nodes[index].wsUrl, index } } : {};
    };
    const seats: SeatPlan[] = boards.flatMap((board, b) =>
      Array.from({ length: shape.seatsPerBoard }, (_, s) => ({
        docName: board.docName,
        token: seating.tokens[b][s],
        ownCard: s < shape.writersPerBoard ? board.cardIds[s] : undefined,
        writer: s < shape.writersPerBoard ? s : undefined,
        kind: s < shape.providersPerBoard ? "provider" : "light",
        ...nodeOf(s),
      })),
    );
    progress(`${label}: connecting ${seats.length} clients`);
    const connectStart = performance.now();
    fleet = await Fleet.assemble(server.wsUrl, seats, {
      threads: settings.clientThreads,
      editIntervalMs: settings.editIntervalMs,
      presence: shape.presence,
      nodes,
    });
    const connectMs = performance.now() - connectStart;
    for (const board of boards) board.release();
    await sleep(500);

    const { warmupMs, measureMs, graceMs } = settings.timing;
    progress(`${label}: editing for ${(warmupMs + measureMs) / 1000} s`);
    let meter: LoadMeter | undefined;
    // The database's backends are looked up once warm: the pool has opened what it needs by then.
    const startMeter = setTimeout(async () => {
      const helpers = await deployment.helperPids().catch(() => undefined);
      meter = new LoadMeter(deployment.pids, helpers);
      deployment.takeGc(); // the warm-up's
    }, warmupMs);
    if (settings.heapSampleDir) heapWindow = sampleHeapDuring(kind, deployment.pids, settings.heapSampleDir, warmupMs, measureMs);
    const result = await fleet.run(warmupMs, measureMs, graceMs);
    clearTimeout(startMeter);
    await heapWindow?.written();
    if (settings.probeDir) await writeDeliveries(settings.probeDir, kind, deployment.pids[0], result.sentAts, result.latencies);
    const load = (meter ?? new LoadMeter(deployment.pids)).stop();
    const serverGc = deployment.takeGc();
    return {
      server: kind,
      store: deployment.store,
      nodes,
      latencyMs: summarize(result.latencies),
      crossNodeLatencyMs: summarize(result.crossNodeLatencies),
      deliveredPct: result.expected > 0 ? (100 * result.received) / result.expected : Number.NaN,
      sent: result.sent,
      expected: result.expected,
      received: result.received,
      serverCpuMsPerDelivered: result.received > 0 ? load.serverCpuMs / result.received : Number.NaN,
      load,
      connectMs,
      serverLog: deployment.logCounts(),
      serverGc,
      clientStalls: result.clientStalls,
      samples: result.latencies,
      crossNodeSamples: result.crossNodeLatencies,
    };
  } catch (error) {
    throw withServerTail(error, deployment);
  } finally {
    heapWindow?.cancel();
    await fleet?.stop();
    await deployment.stop();
  }
}

/** A failed run says what the server logged last. */
export function withServerTail(error: unknown, server: { kind: ServerKind; tail(): string }): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${message}\n--- ${server.kind} server, last lines ---\n${server.tail()}`);
}
