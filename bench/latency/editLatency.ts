/**
 * Edit-to-other-attendee latency against one server: boards with a card per writer, a fleet of
 * real providers (writers at 2 edits/s, the rest listening), and what it cost the server.
 */

import type { SeatPlan } from "../lib/benchClient.ts";
import { prepareWriterCards } from "../lib/boardSetup.ts";
import { type ChildServer, type ServerKind, startServer } from "../lib/childServer.ts";
import { sleep } from "../lib/clock.ts";
import { Fleet } from "../lib/fleet.ts";
import { type Load, LoadMeter } from "../lib/loadMeter.ts";
import { inParallel, seatClients } from "../lib/seating.ts";
import type { Settings } from "../lib/settings.ts";
import { type Summary, summarize } from "../lib/stats.ts";

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
  latencyMs: Summary;
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
  serverLog: { warn: number; error: number };
  /** Every latency observed (not written to the JSON), for merging rounds. */
  samples: Float64Array[];
}

export async function runEdits(kind: ServerKind, shape: EditShape, settings: Settings, progress: (line: string) => void): Promise<EditRun> {
  const server = await startServer(kind, { cpuProfileDir: settings.cpuProfileDir });
  let fleet: Fleet | undefined;
  try {
    const seating = await seatClients(server, shape.boards, shape.seatsPerBoard);
    const boards = await inParallel(seating.docNames, (docName) =>
      prepareWriterCards(server.wsUrl, docName, seating.setupToken, seating.setupStamp, shape.writersPerBoard),
    );
    const seats: SeatPlan[] = boards.flatMap((board, b) =>
      Array.from({ length: shape.seatsPerBoard }, (_, s) => ({
        docName: board.docName,
        token: seating.tokens[b][s],
        ownCard: s < shape.writersPerBoard ? board.cardIds[s] : undefined,
        writer: s < shape.writersPerBoard ? s : undefined,
        kind: s < shape.providersPerBoard ? "provider" : "light",
      })),
    );
    progress(`${kind}: connecting ${seats.length} clients`);
    const connectStart = performance.now();
    fleet = await Fleet.assemble(server.wsUrl, seats, {
      threads: settings.clientThreads,
      editIntervalMs: settings.editIntervalMs,
      presence: shape.presence,
    });
    const connectMs = performance.now() - connectStart;
    for (const board of boards) board.release();
    await sleep(500);

    const { warmupMs, measureMs, graceMs } = settings.timing;
    progress(`${kind}: editing for ${(warmupMs + measureMs) / 1000} s`);
    let meter: LoadMeter | undefined;
    const startMeter = setTimeout(() => {
      meter = new LoadMeter(server.pid);
    }, warmupMs);
    const result = await fleet.run(warmupMs, measureMs, graceMs);
    clearTimeout(startMeter);
    const load = (meter ?? new LoadMeter(server.pid)).stop();
    return {
      server: kind,
      latencyMs: summarize(result.latencies),
      deliveredPct: result.expected > 0 ? (100 * result.received) / result.expected : Number.NaN,
      sent: result.sent,
      expected: result.expected,
      received: result.received,
      serverCpuMsPerDelivered: result.received > 0 ? load.serverCpuMs / result.received : Number.NaN,
      load,
      connectMs,
      serverLog: { ...server.logCounts },
      samples: result.latencies,
    };
  } catch (error) {
    throw withServerTail(error, server);
  } finally {
    await fleet?.stop();
    await server.stop();
  }
}

/** A failed run says what the server logged last. */
export function withServerTail(error: unknown, server: ChildServer): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${message}\n--- ${server.kind} server, last lines ---\n${server.tail()}`);
}
