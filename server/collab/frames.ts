/**
 * Reading and checking the Hocuspocus frames clients send. Every frame is checked here before
 * Hocuspocus or Yjs sees it: a Yjs update or state vector inside a sync message must decode
 * completely (updateCheck.ts), so no update that Yjs cannot read is ever applied, logged or
 * merged (a crafted update can otherwise make Yjs throw half-way or, in mergeUpdates, spin:
 * yjs issue 687).
 */
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { checkUpdate } from "./updateCheck.ts";

/** Hocuspocus's message types (MessageType in @hocuspocus/server) that a client may send. */
const SYNC = 0;
const CLIENT_TYPES = new Set([0, 1, 2, 3, 5, 7, 9, 10]);
/** y-protocols' sync steps. */
const STEP_1 = 0;
const STEP_2 = 1;
const UPDATE = 2;

/** Why a frame from a client must be refused, or undefined when it is well-formed. */
export function frameProblem(frame: Uint8Array): string | undefined {
  try {
    const decoder = decoding.createDecoder(frame);
    // The document's name: stepped over, not decoded (Hocuspocus decodes it once more anyway).
    const nameBytes = decoding.readVarUint(decoder);
    if (decoder.pos + nameBytes > frame.length) return "a document name longer than the frame";
    decoder.pos += nameBytes;
    const type = decoding.readVarUint(decoder);
    if (!CLIENT_TYPES.has(type)) return `unknown message type ${type}`;
    if (type !== SYNC) return undefined;
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === STEP_1) Y.decodeStateVector(payload);
    else if (step === STEP_2 || step === UPDATE) checkUpdate(payload);
    else return `unknown sync step ${step}`;
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
