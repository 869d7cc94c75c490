/**
 * The binary record format of a document's update log. Each record is
 *   [u32 payload length][u32 CRC-32 of the payload][payload]
 * and a payload is [u8 kind][f64 seq][update bytes, for an update]. The length and checksum
 * let a reader find where a crash tore the last append and stop there, so a torn record is
 * dropped instead of poisoning the load. The shared journal (journal/journalRecords.ts) uses the
 * same framing and adds the document's name to the payload.
 */
import { crc32 } from "node:zlib";

export type LogRecord = { kind: "update"; seq: number; update: Uint8Array } | { kind: "abort"; seq: number };

const HEADER_BYTES = 8;
const KIND_UPDATE = 1;
const KIND_ABORT = 2;
/** No single update is near this (frames are capped far lower); a larger length is corruption. */
const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

export function encodeRecord(record: LogRecord): Buffer {
  const body = record.kind === "update" ? record.update : undefined;
  const out = Buffer.allocUnsafe(HEADER_BYTES + 1 + 8 + (body?.byteLength ?? 0));
  out.writeUInt8(record.kind === "update" ? KIND_UPDATE : KIND_ABORT, HEADER_BYTES);
  out.writeDoubleLE(record.seq, HEADER_BYTES + 1);
  if (body) out.set(body, HEADER_BYTES + 9);
  return sealFrame(out);
}

/** Room a frame's header takes before its payload. */
export const FRAME_HEADER_BYTES = HEADER_BYTES;

/**
 * [u32 length][u32 CRC-32][payload], the framing shared by the per-document logs and the journal:
 * fills in the header of a frame whose payload was written in place after FRAME_HEADER_BYTES.
 */
export function sealFrame(out: Buffer): Buffer {
  const payload = out.subarray(HEADER_BYTES);
  out.writeUInt32LE(payload.byteLength, 0);
  out.writeUInt32LE(crc32(payload), 4);
  return out;
}

export interface DecodedLog {
  records: LogRecord[];
  /** Bytes of whole, valid records from the start; anything after them is torn or corrupt. */
  goodLength: number;
}

/**
 * Reads frames until the end or the first one that is cut short, fails its checksum, or whose
 * payload `parse` rejects (undefined). Zero-filled room reads as a zero length: the end.
 */
export function readFrames<T>(bytes: Uint8Array, parse: (payload: Buffer) => T | undefined): { items: T[]; goodLength: number } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const items: T[] = [];
  let offset = 0;
  while (offset + HEADER_BYTES <= buffer.length) {
    const payloadLength = buffer.readUInt32LE(offset);
    const end = offset + HEADER_BYTES + payloadLength;
    if (payloadLength < 1 || payloadLength > MAX_PAYLOAD_BYTES || end > buffer.length) break;
    const payload = buffer.subarray(offset + HEADER_BYTES, end);
    if (crc32(payload) !== buffer.readUInt32LE(offset + 4)) break;
    const item = parse(payload);
    if (item === undefined) break;
    items.push(item);
    offset = end;
  }
  return { items, goodLength: offset };
}

/** The kind and seq at the start of a payload (both formats), or undefined if they are not valid. */
export function parseRecordHead(payload: Buffer): { kind: "update" | "abort"; seq: number } | undefined {
  if (payload.length < 9) return undefined;
  const kind = payload.readUInt8(0);
  const seq = payload.readDoubleLE(1);
  if (!Number.isSafeInteger(seq) || seq < 1) return undefined;
  if (kind === KIND_UPDATE) return { kind: "update", seq };
  if (kind === KIND_ABORT) return { kind: "abort", seq };
  return undefined;
}

/** Reads a per-document log (the format before the journal) up to its first damaged record. */
export function decodeRecords(bytes: Uint8Array): DecodedLog {
  const { items, goodLength } = readFrames(bytes, (payload): LogRecord | undefined => {
    const head = parseRecordHead(payload);
    if (!head) return undefined;
    return head.kind === "update"
      ? { kind: "update", seq: head.seq, update: new Uint8Array(payload.subarray(9)) }
      : { kind: "abort", seq: head.seq };
  });
  return { records: items, goodLength };
}

/**
 * The state file: [magic][f64 seq the state includes every record up to][u32 CRC-32 of the
 * state][state]. A state file that fails its checksum is never used (a crash cannot produce
 * one, since it is written to a temporary name and renamed).
 */
const STATE_MAGIC = Buffer.from("MACASTATE1\n");

export function encodeStateFile(state: Uint8Array, throughSeq: number): Buffer {
  const header = Buffer.allocUnsafe(STATE_MAGIC.length + 12);
  STATE_MAGIC.copy(header, 0);
  header.writeDoubleLE(throughSeq, STATE_MAGIC.length);
  header.writeUInt32LE(crc32(state), STATE_MAGIC.length + 8);
  return Buffer.concat([header, state]);
}

export function decodeStateFile(bytes: Uint8Array): { state: Uint8Array; throughSeq: number } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = STATE_MAGIC.length + 12;
  if (buffer.length < headerLength || !buffer.subarray(0, STATE_MAGIC.length).equals(STATE_MAGIC)) {
    throw new Error("not a MACA Board state file");
  }
  const throughSeq = buffer.readDoubleLE(STATE_MAGIC.length);
  const state = new Uint8Array(buffer.subarray(headerLength));
  if (!Number.isSafeInteger(throughSeq) || throughSeq < 0 || crc32(state) !== buffer.readUInt32LE(STATE_MAGIC.length + 8)) {
    throw new Error("the state file fails its checksum");
  }
  return { state, throughSeq };
}
