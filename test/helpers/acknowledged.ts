/**
 * Exactly which of a client's own edits the server has acknowledged, read off the wire.
 *
 * The provider's `unsyncedChanges` counter is not exact enough for a durability test: on each
 * (re)connect it is reset to 1, and updates queued while offline are flushed after the sync
 * step 1, so the first of their acks takes it to 0 while later ones (and the sync step 2 that
 * carries everything the server lacks) are still unanswered. So this watches the socket instead:
 * the server handles one connection's messages in order and answers every sync step 2 and update
 * message with one SyncStatus, so acks match sent messages first-in first-out. An acked message
 * counts only when the server already had this client's edits below the message's first clock
 * (from its sync step 1's state vector and earlier acks); otherwise Yjs parks it as pending.
 * Everything is in terms of this client's own clock: edit N is acknowledged once
 * `acknowledgedClock >= clock after edit N`.
 */
import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import * as Y from "yjs";

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_STATUS = 8;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** This client's clock range carried by one sent message (empty when it carries none of its edits). */
interface SentRange {
  from: number;
  to: number;
}

interface SocketState {
  /** Sent messages the server still owes a SyncStatus for, oldest first. */
  awaiting: SentRange[];
  /** This client's clock the server holds (applied, not pending), once its sync step 1 came. */
  serverClock: number | undefined;
}

export class AckTracker {
  /** Highest own clock the server has acknowledged (never decreases). */
  acknowledgedClock = 0;
  /** Protocol surprises (an ack with nothing awaiting it): the tracking itself would be wrong. */
  readonly anomalies: string[] = [];
  private readonly sockets = new Map<WebSocket, SocketState>();

  constructor(private readonly doc: Y.Doc) {}

  /** This client's clock right now (after its latest edit). */
  get clock(): number {
    return Y.getState(this.doc.store, this.doc.clientID);
  }

  /** Whether the server has acknowledged every edit made so far. */
  get allAcknowledged(): boolean {
    return this.acknowledgedClock >= this.clock;
  }

  /** For failure messages: what each open socket still awaits and what the server is known to hold. */
  describe(): string {
    const sockets = [...this.sockets.values()].map((s) => `awaiting ${s.awaiting.length} acks, server holds ${s.serverClock ?? "?"}`);
    return `clock ${this.clock}, acknowledged ${this.acknowledgedClock}; ${sockets.join("; ") || "no socket"}`;
  }

  /** Resolves once every socket open (or opening) right now has closed, its last messages read. */
  whenCurrentSocketsClose(): Promise<void> {
    return Promise.all(
      [...this.sockets.keys()].map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === WebSocket.CLOSED) resolve();
            else socket.once("close", () => resolve());
          }),
      ),
    ).then(() => undefined);
  }

  /** A `ws` class for HocuspocusProviderWebsocket's WebSocketPolyfill that reports to this tracker. */
  webSocketClass(headers: Record<string, string> = {}): typeof WebSocket {
    const tracker = this;
    return class TrackedWebSocket extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols, { headers });
        tracker.sockets.set(this, { awaiting: [], serverClock: undefined });
        this.on("message", (data: Buffer) => tracker.received(this, new Uint8Array(data)));
        this.on("close", () => tracker.sockets.delete(this));
      }

      override send(data: unknown, ...rest: unknown[]): void {
        if (data instanceof Uint8Array) tracker.sent(this, data);
        Reflect.apply(super.send, this, [data, ...rest]);
      }
    } as typeof WebSocket;
  }

  private sent(socket: WebSocket, data: Uint8Array): void {
    const state = this.sockets.get(socket);
    if (!state) return;
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const step = decoding.readVarUint(decoder);
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return;
    const meta = Y.parseUpdateMeta(decoding.readVarUint8Array(decoder));
    const own = this.doc.clientID;
    state.awaiting.push({ from: meta.from.get(own) ?? 0, to: meta.to.get(own) ?? 0 });
  }

  private received(socket: WebSocket, data: Uint8Array): void {
    const state = this.sockets.get(socket);
    // One byte is the server's ping; it carries no document name.
    if (!state || data.length < 2) return;
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC && decoding.readVarUint(decoder) === SYNC_STEP_1) {
      const serverState = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      state.serverClock = Math.max(state.serverClock ?? 0, serverState.get(this.doc.clientID) ?? 0);
      return;
    }
    if (type !== MESSAGE_SYNC_STATUS) return;
    const applied = decoding.readVarInt(decoder) === 1;
    const range = state.awaiting.shift();
    if (!range) {
      this.anomalies.push("a SyncStatus arrived with no sent update awaiting it");
      return;
    }
    if (!applied || range.to <= range.from || state.serverClock === undefined) return;
    // Yjs applies an update only once the server holds this client's edits before it.
    if (range.from > state.serverClock) return;
    state.serverClock = Math.max(state.serverClock, range.to);
    this.acknowledgedClock = Math.max(this.acknowledgedClock, state.serverClock);
  }
}
