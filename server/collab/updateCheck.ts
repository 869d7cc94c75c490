/**
 * Whether a Yjs update (the v1 encoding every sync message carries) is one Yjs can read and apply
 * whole: the walk Yjs's decoder makes (structs, their contents, the delete set) over the bytes,
 * reading the numbers and stepping over text (checked to be UTF-8, which Yjs's decoder insists on)
 * and binary, so a check builds no object per struct.
 * Checking with Y.decodeUpdate built every struct and its content: for each edit, about as much
 * garbage as applying it, and the largest part of the extra heap our server allocated per edit
 * against vanilla Hocuspocus (README, Performance). It is never more lenient than Yjs: all it
 * accepts, Yjs decodes (test/unit/updateCheck.test.ts compares the two on mutated updates).
 */
import { isUtf8 } from "node:buffer";
import * as decoding from "lib0/decoding";

/** Clocks and lengths Yjs can count with: whole, not negative, and far from 2^53. */
const MAX_CLOCK = 2 ** 40;
const countable = (n: number, min: number) => Number.isSafeInteger(n) && n >= min && n < MAX_CLOCK;
/** Deeper values are refused (Yjs would recurse that deep; none of our schema's values nest at all). */
const MAX_ANY_DEPTH = 64;

/** Yjs's info byte: bits 1–5 the content kind, 6 parentSub, 7 right origin, 8 origin. */
const CONTENT_BITS = 31;
const HAS_PARENT_SUB = 32;
const HAS_RIGHT_ORIGIN = 64;
const HAS_ORIGIN = 128;
const GC = 0;
const SKIP = 10;
/** Yjs's type refs that carry a name: XmlElement and XmlHook; 6 (XmlText) is the last. */
const NAMED_TYPES = new Set([3, 5]);
const LAST_TYPE_REF = 6;

/** Throws (with the reason) unless `update` is an update Yjs can apply whole. */
export function checkUpdate(update: Uint8Array): void {
  // An empty buffer is no update (and once made applyUpdate loop: yjs issue 498).
  if (update.length < 2) throw new Error("an empty update");
  const decoder = decoding.createDecoder(update);
  const clients = decoding.readVarUint(decoder);
  for (let c = 0; c < clients; c++) {
    const structs = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    let clock = decoding.readVarUint(decoder);
    for (let s = 0; s < structs; s++) {
      const length = skipStruct(decoder, readByte(decoder), client, clock);
      // A clock near 2^53 decodes fine but makes applyUpdate throw half-way, after it has changed the document.
      if (!countable(clock, 0) || !countable(length, 1) || !countable(clock + length, 1)) {
        throw new Error("a struct with an impossible clock or length");
      }
      clock += length;
    }
  }
  const deletingClients = decoding.readVarUint(decoder);
  for (let c = 0; c < deletingClients; c++) {
    decoding.readVarUint(decoder); // the client
    const ranges = decoding.readVarUint(decoder);
    for (let r = 0; r < ranges; r++) {
      const clock = decoding.readVarUint(decoder);
      const length = decoding.readVarUint(decoder);
      if (!countable(clock, 0) || !countable(length, 1) || !countable(clock + length, 1)) {
        throw new Error("a deletion with an impossible clock or length");
      }
    }
  }
}

/** Reads one struct; returns its length (what it advances the clock by). */
function skipStruct(decoder: decoding.Decoder, info: number, client: number, clock: number): number {
  const kind = info & CONTENT_BITS;
  if (kind === GC || kind === SKIP) return decoding.readVarUint(decoder);
  if (info & HAS_ORIGIN) skipId(decoder, client, clock);
  if (info & HAS_RIGHT_ORIGIN) skipId(decoder, client, clock);
  if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
    // Without origins the parent is written out: a root type's name, or the id of the item holding it.
    if (decoding.readVarUint(decoder) === 1) skipText(decoder);
    else skipId(decoder, client, clock);
    if (info & HAS_PARENT_SUB) skipText(decoder);
  }
  return skipContent(decoder, kind);
}

function skipContent(decoder: decoding.Decoder, kind: number): number {
  switch (kind) {
    case 1: // deleted
      return decoding.readVarUint(decoder);
    case 2: {
      // JSON (legacy): each element must parse, as Yjs parses it.
      const length = decoding.readVarUint(decoder);
      for (let i = 0; i < length; i++) {
        const text = decoding.readVarString(decoder);
        if (text !== "undefined") JSON.parse(text);
      }
      return length;
    }
    case 3: // binary
      skipBytes(decoder);
      return 1;
    case 4: // string: its UTF-16 length (the next item's clock depends on it)
      return skipText(decoder);
    case 5: // embed
      JSON.parse(decoding.readVarString(decoder));
      return 1;
    case 6: // format: key and JSON value
      skipText(decoder);
      JSON.parse(decoding.readVarString(decoder));
      return 1;
    case 7: {
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef > LAST_TYPE_REF) throw new Error(`an unknown type ${typeRef}`);
      if (NAMED_TYPES.has(typeRef)) skipText(decoder);
      return 1;
    }
    case 8: {
      const length = decoding.readVarUint(decoder);
      for (let i = 0; i < length; i++) skipAny(decoder, 0);
      return length;
    }
    // 9 is a subdocument: our documents have none, and Yjs would build a Y.Doc from the client's options.
    default:
      throw new Error(`an unknown or unsupported content kind ${kind}`);
  }
}

/**
 * An item's origin or parent. One of the item's own client must come before it: Yjs takes such
 * an id to be there already and, when it is not, throws half-way through applying the update.
 */
function skipId(decoder: decoding.Decoder, itemClient: number, itemClock: number): void {
  const client = decoding.readVarUint(decoder);
  const clock = decoding.readVarUint(decoder);
  if (!countable(clock, 0)) throw new Error("an impossible origin clock");
  if (client === itemClient && clock >= itemClock) throw new Error("an item that refers to itself or a later item");
}

/** lib0's `any` encoding (Y.Map values, array items). */
function skipAny(decoder: decoding.Decoder, depth: number): void {
  if (depth > MAX_ANY_DEPTH) throw new Error("a value nested too deeply");
  const type = readByte(decoder);
  switch (type) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125:
      decoding.readVarInt(decoder);
      return;
    case 124: // float32
      skipFixed(decoder, 4);
      return;
    case 123: // float64
    case 122: // bigint64
      skipFixed(decoder, 8);
      return;
    case 119:
      skipText(decoder);
      return;
    case 116: // Uint8Array
      skipBytes(decoder);
      return;
    case 118: {
      const entries = decoding.readVarUint(decoder);
      for (let i = 0; i < entries; i++) {
        skipText(decoder); // the key
        skipAny(decoder, depth + 1);
      }
      return;
    }
    case 117: {
      const items = decoding.readVarUint(decoder);
      for (let i = 0; i < items; i++) skipAny(decoder, depth + 1);
      return;
    }
    default:
      throw new Error(`an unknown value type ${type}`);
  }
}

/** lib0's readUint8 reads past the end as undefined; here the end is an error. */
function readByte(decoder: decoding.Decoder): number {
  if (decoder.pos >= decoder.arr.length) throw new Error("the update ends early");
  return decoder.arr[decoder.pos++];
}

/** A length-prefixed run of bytes (text, binary); returns its length. */
function skipBytes(decoder: decoding.Decoder): number {
  const length = decoding.readVarUint(decoder);
  skipFixed(decoder, length);
  return length;
}

/**
 * Length-prefixed UTF-8 (Yjs decodes it with a fatal TextDecoder); returns its length in UTF-16
 * code units, as Yjs counts a string's length: one per character, two beyond U+FFFF (4-byte ones).
 */
function skipText(decoder: decoding.Decoder): number {
  const length = skipBytes(decoder);
  const { arr, pos: end } = decoder;
  let units = 0;
  let ascii = true;
  for (let i = end - length; i < end; i++) {
    const byte = arr[i];
    if (byte >= 0x80) ascii = false;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  // ASCII, most text, is UTF-8: only other text costs a view to hand to isUtf8.
  if (!ascii && !isUtf8(arr.subarray(end - length, end))) throw new Error("text that is not UTF-8");
  return units;
}

function skipFixed(decoder: decoding.Decoder, length: number): void {
  if (decoder.pos + length > decoder.arr.length) throw new Error("the update ends early");
  decoder.pos += length;
}
