/**
 * Holds a connection's acknowledgements until what they acknowledge is on disk. Hocuspocus
 * answers each update with a SyncStatus message as soon as it has applied it, and the client
 * says "Saved" when every update it sent has been answered; here that answer waits for the
 * update's fsync. Everything else (other people's edits, presence) goes out at once, so people
 * see each other type without waiting for the disk. If the update could not be stored, the
 * socket is closed instead (the whole socket: a provider told only that one document closed
 * would not come back): the client keeps the change as unsaved and sends it again when it
 * reconnects.
 */
import { Connection } from "@hocuspocus/server";
import { log } from "../../log.ts";

/** Hocuspocus's MessageType.SyncStatus. */
const SYNC_STATUS = 8;
/** Hocuspocus's "reset connection" code: the provider reconnects. */
const NOT_SAVED = { code: 4205, reason: "update-not-saved" } as const;

interface AckGroup {
  stored: Promise<void>;
  messages: Uint8Array[];
}

interface Held {
  /** Resolves once the connection's latest logged update is stored (and the log is whole). */
  stored: Promise<void>;
  settled: boolean;
  /** Acknowledgements sent after all earlier ones: they keep their order. */
  queue: Promise<void>;
  /** The acknowledgements waiting for the same `stored` as the last one queued: they go out together. */
  tail?: AckGroup;
  waiting: number;
  /** Closed because an update was not stored: later acknowledgements must not follow. */
  failed: boolean;
}

/**
 * Whether an outgoing message is a SyncStatus: [address][8][0 or 1], the address a varString (its
 * byte length as a varUint, then the bytes). Every message a connection sends passes here, so it
 * is read in place: nothing is decoded or allocated.
 */
export function isSyncStatus(message: Uint8Array): boolean {
  const length = message.length;
  if (length < 3 || message[length - 2] !== SYNC_STATUS || message[length - 1] > 1) return false;
  let addressLength = 0;
  let position = 0;
  for (let shift = 0; ; shift += 7) {
    if (position >= length || shift > 28) return false;
    const byte = message[position++];
    addressLength += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  return position + addressLength + 2 === length;
}

/** The connections whose acknowledgements wait for the disk, of every server in this process. */
const holding = new WeakMap<Connection, Held>();

/**
 * Every message a Hocuspocus connection sends goes through Connection.prototype.send: replaced
 * once, there, rather than by a closure on each connection, so every connection keeps one shape
 * and one send (the broadcast loop calls it for every edit and every recipient). Only a
 * SyncStatus of a connection holding acknowledgements is diverted.
 */
const sendNow: (this: Connection, message: Uint8Array) => void = Connection.prototype.send;
Connection.prototype.send = function send(this: Connection, message: Uint8Array): void {
  const held = isSyncStatus(message) ? holding.get(this) : undefined;
  if (held && !(held.settled && held.waiting === 0)) sendWhenStored(this, held, message);
  else sendNow.call(this, message);
};

/**
 * Takes a group off the tail when it goes out, in the same step: later acknowledgements start a
 * new group. (A module function: a named closure made per acknowledgement costs a name
 * definition each time under tsx.)
 */
function release(held: Held, group: AckGroup): void {
  if (held.tail === group) held.tail = undefined;
  held.waiting -= group.messages.length;
}

function sendWhenStored(connection: Connection, held: Held, message: Uint8Array): void {
  const stored = held.stored;
  held.waiting += 1;
  if (held.tail?.stored === stored) {
    held.tail.messages.push(message);
    return;
  }
  const group: AckGroup = { stored, messages: [message] };
  held.tail = group;
  held.queue = held.queue
    .then(() => stored)
    .then(
      () => {
        release(held, group);
        if (!held.failed) for (const waiting of group.messages) sendNow.call(connection, waiting);
      },
      (error: unknown) => {
        release(held, group);
        if (held.failed) return;
        held.failed = true;
        log.error("an update could not be stored: closing its connection", {
          document: connection.document.name,
          error: String(error),
        });
        connection.webSocket.close(NOT_SAVED.code, NOT_SAVED.reason);
      },
    );
}

/**
 * The connection's next acknowledgements wait for `stored`. Updates reach the log in the order
 * they were appended, so the latest one being stored means every earlier one is too.
 */
export function holdAcknowledgements(connection: Connection, stored: Promise<void>): void {
  let held = holding.get(connection);
  if (!held) {
    held = { stored, settled: false, queue: Promise.resolve(), waiting: 0, failed: false };
    holding.set(connection, held);
  } else if (held.stored === stored && !held.settled) {
    return; // another update carried by the same write: already watched
  }
  const entry = held;
  entry.stored = stored;
  entry.settled = false;
  stored.then(
    () => {
      if (entry.stored === stored) entry.settled = true;
    },
    () => {},
  );
}
