/**
 * Rebuilds a document from its stored state and logged updates. Each logged update is applied
 * on its own and one that fails is skipped and reported, so a single bad record cannot stop a
 * board from loading; a state that fails is an error (an empty board must never be served in
 * place of a stored one). What a record leaves pending (structs whose dependencies are missing)
 * is dropped at once, exactly as the live server dropped it when that update first arrived (see
 * durableLog.ts): carrying it along would merge client bytes into every later record, slower
 * with each one, and into the encoded state.
 */
import * as Y from "yjs";
import { log } from "../log.ts";
import type { StoredDocument } from "./DocumentLog.ts";

export function replayStoredDocument(doc: Y.Doc, stored: StoredDocument, documentName: string, origin?: unknown): void {
  if (stored.state) Y.applyUpdate(doc, stored.state, origin);
  let dropped = 0;
  for (const { seq, update } of stored.updates) {
    try {
      Y.applyUpdate(doc, update, origin);
    } catch (error) {
      log.error("skipped a logged update that does not apply", { document: documentName, seq, error: String(error) });
    }
    if (dropPendingStructs(doc)) dropped += 1;
  }
  if (dropped > 0)
    log.info("replay: dropped what logged updates left pending, as when they arrived", { document: documentName, records: dropped });
}

/** Drops structs Yjs keeps waiting for missing dependencies; true if there were any. */
export function dropPendingStructs(doc: Y.Doc): boolean {
  const { store } = doc;
  if (!store.pendingStructs && !store.pendingDs) return false;
  store.pendingStructs = null;
  store.pendingDs = null;
  return true;
}

/** The stored document as one Yjs state. */
export function encodeStoredDocument(stored: StoredDocument, documentName: string): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    replayStoredDocument(doc, stored, documentName);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
