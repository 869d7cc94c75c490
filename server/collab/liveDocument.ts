/**
 * REST handlers read and change a board through Hocuspocus's direct connection, so a change
 * reaches every connected client at once and nothing is written behind the engine's back.
 */
import type { Hocuspocus } from "@hocuspocus/server";
import type * as Y from "yjs";
import type { FreezeGate } from "./freezeGate.ts";

/**
 * Runs `change` inside one transaction on the live document and returns its result. Refuses
 * (409) when the audit is frozen, asking the gate inside the transaction: nothing can run between
 * that answer and the change, so a freeze never lands halfway through a REST write.
 */
export async function changeLiveDocument<T>(
  hocuspocus: Hocuspocus,
  gate: Pick<FreezeGate, "assertWritable">,
  auditId: string,
  change: (doc: Y.Doc) => T,
): Promise<T> {
  const connection = await hocuspocus.openDirectConnection(auditId, { source: "rest" });
  try {
    let result: T | undefined;
    await connection.transact((doc) => {
      gate.assertWritable(auditId);
      result = change(doc);
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
