/**
 * Rebuilds a document from its stored state and logged updates. Each logged update is applied
 * on its own and one that fails is skipped and reported, so a single bad record cannot stop a
 * board from loading; a state that fails is an error (an empty board must never be served in
 * place of a stored one).
 */
import * as Y from "yjs";
import { log } from "../log.ts";
import type { StoredDocument } from "./DocumentLog.ts";

export function replayStoredDocument(doc: Y.Doc, stored: StoredDocument, documentName: string, origin?: unknown): void {
  if (stored.state) Y.applyUpdate(doc, stored.state, origin);
  for (const { seq, update } of stored.updates) {
    try {
      Y.applyUpdate(doc, update, origin);
    } catch (error) {
      log.error("skipped a logged update that does not apply", { document: documentName, seq, error: String(error) });
    }
  }
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
