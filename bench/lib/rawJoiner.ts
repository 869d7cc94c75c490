/**
 * A person opening the board, seen from the server: a WebSocket that authenticates and asks for
 * the whole document (sync step 1 with an empty state vector), exactly what a provider sends on
 * connect, but without applying the ~1 MB answer to a Y.Doc. A hundred real providers would
 * spend ~13 s of CPU decoding the board on the benchmark's side of these two cores and measure
 * the benchmark, not the server; this keeps the server's work identical and the client's tiny.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { writeSyncStep1 } from "y-protocols/sync";
import * as Y from "yjs";
import { nowMs } from "./clock.ts";

/** Hocuspocus message and sub-message types (@hocuspocus/server MessageType, y-protocols/sync). */
const MESSAGE = { sync: 0, auth: 2, syncReply: 4 } as const;
const AUTH = { token: 0, permissionDenied: 1 } as const;
const SYNC_STEP_2 = 1;

export interface Join {
  /** From opening the socket to holding the whole document. */
  ms: number;
  /** Bytes of the document as received (after any WebSocket decompression). */
  bytes: number;
  /** Closes the socket. */
  close(): void;
}

export function rawJoin(wsUrl: string, docName: string, token: string | null, timeoutMs = 30_000): Promise<Join> {
  const started = nowMs();
  const socket = new WebSocket(wsUrl, { perMessageDeflate: true });
  socket.binaryType = "nodebuffer";
  const close = () => socket.close();
  return new Promise<Join>((resolve, reject) => {
    const timer = setTimeout(() => fail(`no document within ${timeoutMs} ms`), timeoutMs);
    const fail = (reason: string) => {
      clearTimeout(timer);
      socket.terminate();
      reject(new Error(`joining ${docName}: ${reason}`));
    };
    socket.on("error", (error) => fail(error.message));
    socket.on("open", () => {
      const auth = encoding.createEncoder();
      encoding.writeVarString(auth, docName);
      encoding.writeVarUint(auth, MESSAGE.auth);
      encoding.writeVarUint(auth, AUTH.token);
      encoding.writeVarString(auth, token ?? "");
      socket.send(encoding.toUint8Array(auth));
      const step1 = encoding.createEncoder();
      encoding.writeVarString(step1, docName);
      encoding.writeVarUint(step1, MESSAGE.sync);
      writeSyncStep1(step1, new Y.Doc());
      socket.send(encoding.toUint8Array(step1));
    });
    socket.on("message", (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      decoding.readVarString(decoder);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE.auth && decoding.readVarUint(decoder) === AUTH.permissionDenied) {
        fail(`refused (${decoding.readVarString(decoder)})`);
        return;
      }
      if ((type === MESSAGE.sync || type === MESSAGE.syncReply) && decoding.readVarUint(decoder) === SYNC_STEP_2) {
        clearTimeout(timer);
        resolve({ ms: nowMs() - started, bytes: decoding.readVarUint8Array(decoder).byteLength, close });
      }
    });
  });
}
