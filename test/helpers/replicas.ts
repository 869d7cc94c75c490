/** In-memory Yjs replicas for pure unit tests: no server, updates exchanged by hand. */
import * as Y from "yjs";
import { initBoard } from "../../shared/board/index.ts";

/** A fresh board document, as the server creates it. */
export function newReplica(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc);
  return doc;
}

/** A second replica starting from `source`'s current state. */
export function cloneReplica(source: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

/** Sends `from` everything `to` is missing (one direction). */
export function push(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** Exchanges missing updates between two replicas in both directions. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  push(a, b);
  push(b, a);
}

/** Brings every replica up to date with every other one. */
export function syncAll(docs: readonly Y.Doc[]): void {
  for (const from of docs) for (const to of docs) if (from !== to) push(from, to);
}

/** A small, seedable PRNG (mulberry32) so random scenarios are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
