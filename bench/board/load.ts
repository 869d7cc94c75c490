/**
 * Board load: the loaded board's size as a Yjs update, what a new client really receives over
 * the WebSocket (TCP bytes, compressed when permessage-deflate is on), and how long it takes to
 * sync, on our server and on vanilla Hocuspocus, alternately, in the same run.
 *
 * "Open" loads happen while someone else holds the board (as in a meeting: the board is in the
 * server's memory); "from disk" loads (ours only) happen with nobody connected, so the server
 * reads the board from storage first. Vanilla has no storage: its board exists only while held.
 */
import { deflateRawSync, gzipSync } from "node:zlib";
import * as Y from "yjs";
import { waitFor } from "../../test/helpers/wait.ts";
import type { ProbedServer } from "./probe.ts";
import { cardsOn } from "./seed.ts";
import { type Figure, figure, median, progress } from "./stats.ts";
import { loadBoard } from "./wire.ts";

export interface BoardTarget {
  server: ProbedServer;
  /** Document name (ours: the audit id). */
  name: string;
  token: string | null;
}

export interface LoadFigures {
  updateBytes: Figure;
  gzipBytes: Figure;
  /** deflate-raw of the update: what permessage-deflate can bring the sync frame down to. */
  deflateBytes: Figure;
  /** New clients while the board is held open (in the server's memory). */
  oursOpen: SyncFigures;
  vanillaOpen: SyncFigures;
}

export interface SyncFigures {
  syncMs: Figure;
  wireBytes: Figure;
  /** Extensions the server accepted, e.g. "permessage-deflate" ("" = uncompressed). */
  extensions: string;
}

async function syncOnce(target: BoardTarget, expectedCards: number): Promise<{ ms: number; bytes: number; extensions: string }> {
  const load = await loadBoard(target.server.wsUrl, target.name, target.token);
  try {
    const cards = cardsOn(load.doc);
    if (cards !== expectedCards) throw new Error(`${target.server.kind}: a new client synced ${cards} cards, expected ${expectedCards}`);
    return { ms: load.ms, bytes: load.wireBytes, extensions: load.extensions };
  } finally {
    load.destroy();
  }
}

function summarise(samples: { ms: number; bytes: number; extensions: string }[]): SyncFigures {
  const ms = samples.map((s) => s.ms);
  const bytes = samples.map((s) => s.bytes);
  return {
    syncMs: figure(median(ms), "ms", ms),
    wireBytes: figure(median(bytes), "bytes", bytes),
    extensions: samples[0]?.extensions ?? "",
  };
}

export async function benchBoardLoad(
  state: Uint8Array,
  ours: BoardTarget,
  vanilla: BoardTarget,
  expectedCards: number,
  reps = { open: 5, fromDisk: 3 },
): Promise<LoadFigures> {
  progress(`board load: ${reps.open} new clients on each server, alternately (board held open)`);
  const oursOpen: Awaited<ReturnType<typeof syncOnce>>[] = [];
  const vanillaOpen: Awaited<ReturnType<typeof syncOnce>>[] = [];
  // One discarded round each first: the first sync pays for JIT compilation on both sides.
  await syncOnce(ours, expectedCards);
  await syncOnce(vanilla, expectedCards);
  for (let rep = 0; rep < reps.open; rep++) {
    oursOpen.push(await syncOnce(ours, expectedCards));
    vanillaOpen.push(await syncOnce(vanilla, expectedCards));
  }
  return {
    updateBytes: figure(state.byteLength, "bytes"),
    gzipBytes: figure(gzipSync(state).byteLength, "bytes"),
    deflateBytes: figure(deflateRawSync(state).byteLength, "bytes"),
    oursOpen: summarise(oursOpen),
    vanillaOpen: summarise(vanillaOpen),
  };
}

/** Waits until the server holds no document (everyone left and it unloaded them); resolves with the wait. */
export async function untilUnloaded(server: ProbedServer, timeoutMs = 30_000): Promise<number> {
  const started = performance.now();
  await waitFor(async () => (await server.documents()) === 0, timeoutMs, `${server.kind} to unload every board`);
  return performance.now() - started;
}

/** New clients on our server while nobody holds the board: each load reads it from storage. */
export async function benchLoadFromDisk(ours: BoardTarget, expectedCards: number, reps = 3): Promise<SyncFigures> {
  progress(`board load: ${reps} new clients on our server with the board unloaded (read from storage)`);
  const samples: Awaited<ReturnType<typeof syncOnce>>[] = [];
  for (let rep = 0; rep < reps; rep++) {
    await untilUnloaded(ours.server);
    samples.push(await syncOnce(ours, expectedCards));
  }
  return summarise(samples);
}

/** The encoded state a fresh replica of `name` holds (to check both servers serve the same board). */
export async function stateOf(target: BoardTarget): Promise<Uint8Array> {
  const load = await loadBoard(target.server.wsUrl, target.name, target.token);
  try {
    return Y.encodeStateAsUpdate(load.doc);
  } finally {
    load.destroy();
  }
}
