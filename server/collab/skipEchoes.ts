/**
 * An edit goes to everyone on its document except the connection it came from. Hocuspocus
 * broadcasts each update to every connection, its sender included, who already has it (Yjs
 * ignores it): on a board of ten that is one send in ten, each a socket write on the server and
 * a message the sender reads for nothing. Hocuspocus merges the updates of one event-loop turn
 * into one broadcast; when that holds anything not from the sender (someone else's edit, a change
 * the server made), the sender gets it too, as it must.
 *
 * Document's update handling is private in Hocuspocus's types, so it is replaced on the
 * prototype, once, here (as durableAcks.ts does for Connection.send); the check below fails
 * loudly at start-up if a new Hocuspocus version renamed what this relies on.
 */
import { type Connection, Document, isTransactionOrigin, OutgoingMessage } from "@hocuspocus/server";

/** The parts of Hocuspocus's Document this relies on (4.7). */
interface DocumentInternals {
  handleUpdate(update: Uint8Array, origin: unknown): unknown;
  broadcastUpdate(update: Uint8Array): void;
  broadcast(encode: (address: string) => Uint8Array, filter?: (connection: Connection) => boolean): void;
}

/**
 * Per document with an update waiting to be broadcast: the one connection all of its pending
 * updates came from, or null once they have more than one source (or one that is no connection).
 */
const soleSender = new WeakMap<DocumentInternals, Connection | null>();

let installed = false;

export function skipEchoes(): void {
  if (installed) return;
  const internals = Document.prototype as unknown as DocumentInternals;
  for (const name of ["handleUpdate", "broadcastUpdate", "broadcast"] as const) {
    if (typeof internals[name] !== "function") throw new Error(`Hocuspocus's Document has no ${name}: skipEchoes.ts needs updating`);
  }
  const handleUpdate = internals.handleUpdate;
  const broadcastUpdate = internals.broadcastUpdate;

  internals.handleUpdate = function (this: DocumentInternals, update: Uint8Array, origin: unknown) {
    const sender = isTransactionOrigin(origin) && origin.source === "connection" ? origin.connection : null;
    const pending = soleSender.get(this);
    if (pending === undefined) soleSender.set(this, sender);
    else if (pending !== sender && pending !== null) soleSender.set(this, null);
    return handleUpdate.call(this, update, origin);
  };

  internals.broadcastUpdate = function (this: DocumentInternals, update: Uint8Array) {
    const sender = soleSender.get(this);
    soleSender.delete(this);
    if (!sender) {
      broadcastUpdate.call(this, update);
      return;
    }
    this.broadcast(
      (address) => new OutgoingMessage(address).createSyncMessage().writeUpdate(update).toUint8Array(),
      (connection) => connection !== sender,
    );
  };
  installed = true;
}
