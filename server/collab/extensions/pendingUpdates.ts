/**
 * Updates whose dependencies are missing. Yjs keeps such an update as "pending" raw bytes, and
 * merges them into every state it encodes (mergeUpdates on a client's bytes: yjs issue 687), for
 * joiners and for compaction alike. The server keeps none. A real client's update only lacks
 * dependencies when the server lost its unacknowledged edits (a crash) or never got them;
 * Hocuspocus has already acknowledged it, so the server asks that client for everything it lacks
 * (a sync step 1, whose answer carries the dropped part too) rather than wait for its next
 * reconnect.
 */
import { type Connection, type Document, OutgoingMessage } from "@hocuspocus/server";
import { log } from "../../log.ts";
import { dropPendingStructs } from "../../store/index.ts";

export function dropPending(doc: Document, documentName: string, from?: Connection): void {
  if (!dropPendingStructs(doc)) return;
  log.warn("dropped an update whose dependencies are missing", { document: documentName });
  if (from) askForMissing(from, doc);
}

/** At most one request per connection per second: one answer carries everything missing. */
const lastAsked = new WeakMap<Connection, number>();
const ASK_EVERY_MS = 1_000;

function askForMissing(connection: Connection, doc: Document): void {
  const now = Date.now();
  if (now - (lastAsked.get(connection) ?? 0) < ASK_EVERY_MS) return;
  lastAsked.set(connection, now);
  connection.send(new OutgoingMessage(connection.messageAddress).createSyncMessage().writeFirstSyncStepFor(doc).toUint8Array());
}
