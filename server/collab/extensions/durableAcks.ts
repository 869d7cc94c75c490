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
import type { StoredMark, Waiter } from "./storedMark.ts";

/** Hocuspocus's MessageType.SyncStatus. */
const SYNC_STATUS = 8;
/** Hocuspocus's "reset connection" code: the provider reconnects. */
const NOT_SAVED = { code: 4205, reason: "update-not-saved" } as const;

/** A connection whose acknowledgements wait for its document's log (storedMark.ts). */
interface Held {
  mark: StoredMark;
  /** The ticket of the connection's latest logged update: its next acknowledgements need it stored. */
  ticket: number;
  /** The acknowledgements waiting, in order; the last may still take more for the same ticket. */
  groups: number;
  tail?: AckGroup;
  /** Closed because an update was not stored: later acknowledgements must not follow. */
  failed: boolean;
}

/** Acknowledgements that wait for the same ticket and go out together. */
class AckGroup implements Waiter {
  readonly messages: Uint8Array[];
  /** Starts at the group's ticket; the mark raises it once (storedMark.ts). */
  need: number;
  raised = false;

  constructor(
    private readonly connection: Connection,
    private readonly held: Held,
    readonly ticket: number,
    message: Uint8Array,
  ) {
    this.need = ticket;
    this.messages = [message];
  }

  release(): void {
    this.leave();
    if (this.held.failed) return;
    for (const message of this.messages) sendNow.call(this.connection, message);
  }

  fail(error: unknown): void {
    this.leave();
    if (this.held.failed) return;
    this.held.failed = true;
    log.error("an update could not be stored: closing its connection", {
      document: this.connection.document.name,
      error: String(error),
    });
    this.connection.webSocket.close(NOT_SAVED.code, NOT_SAVED.reason);
  }

  private leave(): void {
    this.held.groups -= 1;
    if (this.held.tail === this) this.held.tail = undefined;
  }
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
  if (held && (held.groups > 0 || !held.mark.isSettled())) sendWhenStored(this, held, message);
  else sendNow.call(this, message);
};

function sendWhenStored(connection: Connection, held: Held, message: Uint8Array): void {
  const tail = held.tail;
  if (tail && tail.ticket === held.ticket && !tail.raised) {
    tail.messages.push(message);
    return;
  }
  const group = new AckGroup(connection, held, held.ticket, message);
  held.tail = group;
  held.groups += 1;
  held.mark.wait(group);
}

/**
 * The connection's next acknowledgements wait for `ticket` of `mark` (its latest update). Updates
 * reach the log in the order they were appended, so that one being stored means every earlier one is too.
 */
export function holdAcknowledgements(connection: Connection, mark: StoredMark, ticket: number): void {
  const held = holding.get(connection);
  if (held) {
    held.mark = mark;
    held.ticket = ticket;
  } else holding.set(connection, { mark, ticket, groups: 0, failed: false });
}
