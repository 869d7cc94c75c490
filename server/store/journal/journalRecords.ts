/**
 * A journal record: the per-document log's framing (logRecords.ts) around the payload
 *   [u8 kind][f64 seq][u16 name length][document name, UTF-8][update bytes, for an update]
 * so one file can carry the records of every document.
 */
import { FRAME_HEADER_BYTES, type LogRecord, parseRecordHead, readFrames, sealFrame } from "../logRecords.ts";

export interface JournalRecord {
  document: string;
  record: LogRecord;
}

const NAME_AT = 9;
/** Document names are short ids (documentName.ts); a longer one is corruption. */
const MAX_NAME_BYTES = 1024;

/** Throws for a name the journal cannot carry (checked when a document opens, not per record). */
export function assertJournalName(document: string): number {
  const nameLength = Buffer.byteLength(document, "utf8");
  if (nameLength === 0 || nameLength > MAX_NAME_BYTES) throw new Error("document name unfit for the journal");
  return nameLength;
}

/** One allocation per record, written in place: every edit passes through here. */
export function encodeJournalRecord(document: string, record: LogRecord): Buffer {
  const nameLength = assertJournalName(document);
  const body = record.kind === "update" ? record.update : undefined;
  const at = FRAME_HEADER_BYTES;
  const out = Buffer.allocUnsafe(at + NAME_AT + 2 + nameLength + (body?.byteLength ?? 0));
  out.writeUInt8(record.kind === "update" ? 1 : 2, at);
  out.writeDoubleLE(record.seq, at + 1);
  out.writeUInt16LE(nameLength, at + NAME_AT);
  out.write(document, at + NAME_AT + 2, nameLength, "utf8");
  if (body) out.set(body, at + NAME_AT + 2 + nameLength);
  return sealFrame(out);
}

function parse(payload: Buffer): JournalRecord | undefined {
  const head = parseRecordHead(payload);
  if (!head || payload.length < NAME_AT + 2) return undefined;
  const nameLength = payload.readUInt16LE(NAME_AT);
  const bodyAt = NAME_AT + 2 + nameLength;
  if (nameLength === 0 || nameLength > MAX_NAME_BYTES || bodyAt > payload.length) return undefined;
  const document = payload.toString("utf8", NAME_AT + 2, bodyAt);
  const record: LogRecord =
    head.kind === "update"
      ? { kind: "update", seq: head.seq, update: new Uint8Array(payload.subarray(bodyAt)) }
      : { kind: "abort", seq: head.seq };
  return { document, record };
}

export interface DecodedSegment {
  records: JournalRecord[];
  /** Bytes of whole, valid records from the start. */
  goodLength: number;
  /** Whether anything but zero-filled room follows them (a torn or corrupt end). */
  damaged: boolean;
}

export function decodeSegment(bytes: Uint8Array): DecodedSegment {
  const { items, goodLength } = readFrames(bytes, parse);
  const damaged = bytes.subarray(goodLength).some((byte) => byte !== 0);
  return { records: items, goodLength, damaged };
}

/** The length of a record's encoding, without encoding it. */
export function journalRecordBytes(document: string, record: LogRecord): number {
  return 8 + NAME_AT + 2 + Buffer.byteLength(document, "utf8") + (record.kind === "update" ? record.update.byteLength : 0);
}
