/**
 * REST handlers read and change a board through Hocuspocus's direct connection, so a change
 * reaches every connected client at once and nothing is written behind the engine's back.
 */
import type { Hocuspocus } from "@hocuspocus/server";
import type * as Y from "yjs";
import { ChangeNotSavedError } from "../domain/errors.ts";
import { log } from "../log.ts";
import type { DocumentDurability } from "./extensions/durableLog.ts";
import type { FreezeGate } from "./freezeGate.ts";

/** What changes a live board: the engine, the gate that refuses writes while frozen, and the log's durability. */
export interface LiveBoard {
  hocuspocus: Hocuspocus;
  gate: Pick<FreezeGate, "assertWritable">;
  durability: DocumentDurability;
}

/**
 * Runs `change` inside one transaction on the live document and returns its result once the
 * change is on disk. Refuses (409) when the audit is frozen, asking the gate inside the
 * transaction: nothing can run between that answer and the change, so a freeze never lands
 * halfway through a REST write. Answers 503 (ChangeNotSavedError) when the change could not be
 * stored, exactly when a WebSocket writer's "Saved" would not come.
 */
export async function changeLiveDocument<T>(
  { hocuspocus, gate, durability }: LiveBoard,
  auditId: string,
  change: (doc: Y.Doc) => T,
): Promise<T> {
  const connection = await hocuspocus.openDirectConnection(auditId, { source: "rest" });
  try {
    const document = connection.document;
    if (!document) throw new Error(`Board ${auditId} is not loaded`);
    let result: T | undefined;
    await connection.transact((doc) => {
      gate.assertWritable(auditId);
      result = change(doc);
    });
    // Waited for before disconnecting: the connection keeps the document loaded (and its log
    // open) until the answer is known.
    await durability.whenStored(document).catch((error: unknown) => {
      log.error("a REST change was not saved to disk", { audit: auditId, error: String(error) });
      throw new ChangeNotSavedError(error);
    });
    return result as T;
  } finally {
    await connection.disconnect();
  }
}

/** Reads from the live document (loaded from the store if nobody has it open). */
export async function readLiveDocument<T>(hocuspocus: Hocuspocus, auditId: string, read: (doc: Y.Doc) => T): Promise<T> {
  const connection = await hocuspocus.openDirectConnection(auditId, { source: "rest" });
  try {
    if (!connection.document) throw new Error(`Board ${auditId} is not loaded`);
    return read(connection.document);
  } finally {
    await connection.disconnect();
  }
}
