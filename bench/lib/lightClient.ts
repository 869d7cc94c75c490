/**
 * A light attendee: on the wire exactly what a HocuspocusProvider sends and answers (auth, sync
 * step 1, its awareness, step 2 when the server asks, its own edits as updates, compression
 * offered as a browser does), but after the first sync it only reads what it receives and never
 * applies it. Applying costs a real client ~20–40 µs per update; 300 editors on one board would
 * need several cores just for the benchmark's clients, and the figures would measure the
 * benchmark. A writer keeps the board of its first sync and edits its own card through the
 * shared board functions, which yields the same updates a provider would send.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate, readSyncStep1, writeSyncStep1, writeUpdate } from "y-protocols/sync";
import * as Y from "yjs";
import { cardBody, setCardText } from "../../shared/board/index.ts";
import type { BenchClient, OnStamp, SeatPlan } from "./benchClient.ts";
import { nowMs } from "./clock.ts";
import { type Stamp, StampReader, stampText, withStamp } from "./stamps.ts";

/** Hocuspocus message types (@hocuspocus/server MessageType) and auth sub-types. */
const MESSAGE = { sync: 0, awareness: 1, auth: 2, syncReply: 4, close: 7 } as const;
const AUTH = { token: 0, permissionDenied: 1, authenticated: 2 } as const;
/** Stands in for the remote side in transactions, so the client's own edits are told apart. */
const REMOTE = Symbol("remote");

export class LightClient implements BenchClient {
  private readonly doc = new Y.Doc();
  private readonly awareness = new Awareness(this.doc);
  private recent: Stamp[] = [];
  private seq = 0;
  private onStamp?: OnStamp;
  private reader: StampReader;

  private constructor(
    readonly plan: SeatPlan,
    private readonly socket: WebSocket,
  ) {
    this.reader = new StampReader(plan.writer);
  }

  static connect(wsUrl: string, plan: SeatPlan, timeoutMs = 30_000): Promise<LightClient> {
    const socket = new WebSocket(wsUrl, { perMessageDeflate: true });
    const client = new LightClient(plan, socket);
    return client.open(timeoutMs).then(
      () => client,
      (error: unknown) => {
        client.destroy();
        throw error;
      },
    );
  }

  get isWriter(): boolean {
    return this.plan.ownCard !== undefined;
  }

  watch(onStamp: OnStamp): void {
    this.onStamp = onStamp;
  }

  edit(presence: boolean): Stamp {
    const { ownCard: card, writer } = this.plan;
    if (!card || writer === undefined) throw new Error("a listener does not edit");
    const stamp = { writer, seq: this.seq++, sentAt: nowMs() };
    this.recent = withStamp(this.recent, stamp);
    if (!setCardText(this.doc, card, stampText(this.recent))) throw new Error(`card ${card} is missing`);
    if (presence) {
      const body = cardBody(this.doc, card);
      const at = body ? Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(body, body.length)) : null;
      this.awareness.setLocalStateField("cursor", { anchor: at, head: at });
    }
    return stamp;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
    this.socket.terminate();
  }

  private send(write: (encoder: encoding.Encoder) => void): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.plan.docName);
    write(encoder);
    this.socket.send(encoding.toUint8Array(encoder));
  }

  /** Resolves once the first sync has brought the board. */
  private open(timeoutMs: number): Promise<void> {
    this.awareness.setLocalStateField("user", { name: "Light client", color: "#1d4ed8" });
    // Own edits and caret moves go out as a provider sends them.
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      this.send((e) => {
        encoding.writeVarUint(e, MESSAGE.sync);
        writeUpdate(e, update);
      });
    });
    this.awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === REMOTE) return;
      const changed = [...added, ...updated, ...removed];
      this.send((e) => {
        encoding.writeVarUint(e, MESSAGE.awareness);
        encoding.writeVarUint8Array(e, encodeAwarenessUpdate(this.awareness, changed));
      });
    });

    return new Promise<void>((resolve, reject) => {
      let synced = false;
      const timer = setTimeout(() => fail(`no sync within ${timeoutMs} ms`), timeoutMs);
      const fail = (reason: string) => {
        clearTimeout(timer);
        reject(new Error(`light client on ${this.plan.docName}: ${reason}`));
      };
      this.socket.on("error", (error) => fail(error.message));
      this.socket.on("close", (code) => {
        if (!synced) fail(`closed (${code}) before the first sync`);
      });
      this.socket.on("open", () => {
        this.send((e) => {
          encoding.writeVarUint(e, MESSAGE.auth);
          encoding.writeVarUint(e, AUTH.token);
          encoding.writeVarString(e, this.plan.token ?? "");
        });
        this.send((e) => {
          encoding.writeVarUint(e, MESSAGE.sync);
          writeSyncStep1(e, this.doc);
        });
        this.send((e) => {
          encoding.writeVarUint(e, MESSAGE.awareness);
          encoding.writeVarUint8Array(e, encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
        });
      });
      this.socket.on("message", (data: Buffer) => {
        const receivedAt = nowMs();
        const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        decoding.readVarString(decoder);
        const type = decoding.readVarUint(decoder);
        if (type === MESSAGE.auth && decoding.readVarUint(decoder) === AUTH.permissionDenied) {
          fail(`refused (${decoding.readVarString(decoder)})`);
        } else if (type === MESSAGE.close) {
          fail("closed by the server");
        } else if (type === MESSAGE.sync || type === MESSAGE.syncReply) {
          const step = decoding.readVarUint(decoder);
          if (step === messageYjsSyncStep1) {
            // The server asks what this client has that it lacks (a provider answers the same).
            const reply = encoding.createEncoder();
            encoding.writeVarString(reply, this.plan.docName);
            encoding.writeVarUint(reply, MESSAGE.sync);
            readSyncStep1(decoder, reply, this.doc);
            this.socket.send(encoding.toUint8Array(reply));
          } else if (step === messageYjsSyncStep2 && !synced) {
            Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), REMOTE);
            synced = true;
            clearTimeout(timer);
            resolve();
          } else if (step === messageYjsUpdate || step === messageYjsSyncStep2) {
            // Read, not applied: the stamps are in the update's bytes.
            if (this.onStamp) this.reader.read(decoding.readVarUint8Array(decoder), receivedAt, this.onStamp);
          }
        }
      });
    });
  }
}
