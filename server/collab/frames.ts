/**
 * Reading and checking the Hocuspocus frames clients send. Every frame is checked here before
 * Hocuspocus or Yjs sees it: a Yjs update or state vector inside a sync message must decode
 * completely, so no update that Yjs cannot read is ever applied, logged or merged (a crafted
 * update can otherwise make Yjs throw half-way or, in mergeUpdates, spin: yjs issue 687).
 */
import * as decoding from "lib0/decoding";
import * as Y from "yjs";

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
    decoding.readVarString(decoder);
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

/** Clocks and lengths Yjs can count with: whole, not negative, and far from 2^53. */
const MAX_CLOCK = 2 ** 40;
const countable = (n: number, min: number) => Number.isSafeInteger(n) && n >= min && n < MAX_CLOCK;

/**
 * Decodes the whole update (structs and delete set) without applying it anywhere, and checks the
 * numbers in it: a zero-length deletion or a clock near 2^53 decodes fine but makes applyUpdate
 * throw half-way through, after it has changed the document.
 */
function checkUpdate(update: Uint8Array): void {
  // An empty buffer is no update (and once made applyUpdate loop: yjs issue 498).
  if (update.length < 2) throw new Error("an empty update");
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (!countable(struct.id.clock, 0) || !countable(struct.length, 1) || !countable(struct.id.clock + struct.length, 1)) {
      throw new Error("a struct with an impossible clock or length");
    }
    if (struct instanceof Y.Item) {
      for (const origin of [struct.origin, struct.rightOrigin]) {
        if (origin && !countable(origin.clock, 0)) throw new Error("an impossible origin clock");
      }
    }
  }
  for (const ranges of ds.clients.values()) {
    for (const range of ranges) {
      if (!countable(range.clock, 0) || !countable(range.len, 1) || !countable(range.clock + range.len, 1)) {
        throw new Error("a deletion with an impossible clock or length");
      }
    }
  }
}
