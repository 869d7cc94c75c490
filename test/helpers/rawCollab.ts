/**
 * A bare `ws` client that speaks just enough of the Hocuspocus protocol to authenticate and sync,
 * so a test can then send any bytes at all on an authenticated socket (hostile-input tests).
 * Frame layout (Hocuspocus 4): varString documentName, varUint message type, then the payload;
 * a sync message carries a y-protocols step (0 = step 1 with a state vector, 1 = step 2 and
 * 2 = update, each with a varUint8Array Yjs update).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";

export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, syncReply: 4, stateless: 5, close: 7, syncStatus: 8 } as const;
export const SYNC_STEP = { one: 0, two: 1, update: 2 } as const;
const AUTH = { token: 0, permissionDenied: 1, authenticated: 2 } as const;

function frame(documentName: string, type: number, write: (encoder: encoding.Encoder) => void = () => {}): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const frames = {
  auth: (documentName: string, token: string) =>
    frame(documentName, MESSAGE.auth, (e) => {
      encoding.writeVarUint(e, AUTH.token);
      encoding.writeVarString(e, token);
    }),
  syncStep1: (documentName: string, stateVector: Uint8Array = Y.encodeStateVector(new Y.Doc())) =>
    frame(documentName, MESSAGE.sync, (e) => {
      encoding.writeVarUint(e, SYNC_STEP.one);
      encoding.writeVarUint8Array(e, stateVector);
    }),
  /** A sync step 2 or update message carrying `update` as it is (any bytes). */
  update: (documentName: string, update: Uint8Array, step: number = SYNC_STEP.update) =>
    frame(documentName, MESSAGE.sync, (e) => {
      encoding.writeVarUint(e, step);
      encoding.writeVarUint8Array(e, update);
    }),
  /** Any message type with raw payload bytes after it. */
  typed: (documentName: string, type: number, payload: Uint8Array = new Uint8Array()) =>
    frame(documentName, type, (e) => encoding.writeUint8Array(e, payload)),
};

export interface Received {
  type: number;
  /** The sync step, for sync messages. */
  step?: number;
  /** Authenticated / PermissionDenied, for auth messages. */
  auth?: number;
  /** For SyncStatus: whether the server says it applied the update. */
  applied?: boolean;
}

function parse(data: Uint8Array): Received | undefined {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.sync) return { type, step: decoding.readVarUint(decoder) };
    if (type === MESSAGE.auth) return { type, auth: decoding.readVarUint(decoder) };
    if (type === MESSAGE.syncStatus) return { type, applied: decoding.readVarInt(decoder) === 1 };
    return { type };
  } catch {
    return undefined;
  }
}

/** "closed": the server closed the socket, or ended this document's channel on it (a CLOSE message). */
export type ProbeResult = "closed" | "answered" | "silent";

export class RawCollabSocket {
  readonly received: Received[] = [];
  closeCode: number | undefined;
  private readonly listeners = new Set<() => void>();

  private constructor(
    readonly socket: WebSocket,
    readonly documentName: string,
  ) {
    socket.on("message", (data: Buffer) => {
      const message = parse(new Uint8Array(data));
      if (message) this.received.push(message);
      for (const listener of this.listeners) listener();
    });
    socket.on("close", (code) => {
      this.closeCode = code;
      for (const listener of this.listeners) listener();
    });
    socket.on("error", () => {});
  }

  /** Opens a socket, authenticates for `documentName` with `token` and completes the first sync. */
  static async open(wsUrl: string, documentName: string, token: string, timeoutMs = 10_000): Promise<RawCollabSocket> {
    const socket = new WebSocket(wsUrl);
    const raw = new RawCollabSocket(socket, documentName);
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    socket.send(frames.auth(documentName, token));
    socket.send(frames.syncStep1(documentName));
    const synced = await raw.until((m) => m.type === MESSAGE.sync && m.step === SYNC_STEP.two, timeoutMs);
    if (synced !== "answered") {
      raw.terminate();
      const denied = raw.received.some((m) => m.auth === AUTH.permissionDenied);
      throw new Error(`raw socket on ${documentName} did not sync (${denied ? "permission denied" : synced})`);
    }
    return raw;
  }

  /** Whether the socket, or the document's channel on it, is closed. */
  get isClosed(): boolean {
    return this.closeCode !== undefined || this.received.some((m) => m.type === MESSAGE.close);
  }

  send(bytes: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(bytes);
  }

  /** Resolves "answered" once a message after now matches, "closed" when the socket closes first, "silent" after timeoutMs. */
  until(match: (message: Received) => boolean, timeoutMs: number): Promise<ProbeResult> {
    const from = this.received.length;
    return new Promise((resolve) => {
      const check = () => {
        if (this.received.slice(from).some(match)) finish("answered");
        else if (this.isClosed) finish("closed");
      };
      const finish = (result: ProbeResult) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(result);
      };
      const timer = setTimeout(() => finish("silent"), timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  /**
   * After a hostile frame: asks the server for a sync step on the same socket. The server handles a
   * socket's messages in order, so an answer means the frame before it was handled (and dropped
   * or applied); "closed" means the server closed the socket; "silent" means it did neither.
   */
  probe(timeoutMs = 5_000): Promise<ProbeResult> {
    if (this.isClosed) return Promise.resolve("closed");
    const answer = this.until((m) => m.type === MESSAGE.sync && m.step === SYNC_STEP.two, timeoutMs);
    this.send(frames.syncStep1(this.documentName));
    return answer;
  }

  terminate(): void {
    this.socket.terminate();
  }
}
