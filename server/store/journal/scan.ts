/**
 * Opening the journal, before anything is served: every segment is read, a torn or corrupt end
 * is cut off (its bytes kept aside), legacy per-document logs are folded in (legacy.ts), and
 * each document's records its state file does not yet hold are gathered, with the segment each
 * is in: a reopened document log gives them back exactly as before the restart. A document
 * whose state cannot be read is frozen: its records stay where they are, so every segment
 * holding them is kept untouched (it is refused on load), while the others go on.
 */
import { promises as fs } from "node:fs";
import { log } from "../../log.ts";
import type { LogRecord } from "../logRecords.ts";
import { docsDirOf, documentBase, journalDirOf } from "./files.ts";
import { journalRecordBytes } from "./journalRecords.ts";
import { foldLegacyLogs } from "./legacy.ts";
import { keepAside, readSegments, readState } from "./onDisk.ts";

export interface KeptRecord {
  record: LogRecord;
  bytes: number;
  /** The newest segment holding it. */
  segment: number;
}

export interface DocumentEntry {
  /** The highest seq given out. */
  lastSeq: number;
  /** Records up to this seq are in the state file. */
  throughSeq: number;
  /** Records after throughSeq, in the order written: what the state file lacks. */
  records: KeptRecord[];
  logBytes: number;
  /** Its state cannot be read: its records (and so their segments) are kept as they are. */
  frozen: boolean;
  /** Settles when this document's last append has (its outcome is the append's to report). */
  last: Promise<void>;
}

export interface ScannedJournal {
  documents: Map<string, DocumentEntry>;
  /** The segments on disk, and the number the next one takes. */
  segments: number[];
  next: number;
}

export async function scanJournal(dataDir: string): Promise<ScannedJournal> {
  const journalDir = journalDirOf(dataDir);
  const docsDir = docsDirOf(dataDir);
  await fs.mkdir(journalDir, { recursive: true });
  const segments = await readSegments(journalDir);
  const byDocument = new Map<string, KeptRecord[]>();
  for (const segment of segments) {
    for (const { document, record } of segment.records) {
      const records = byDocument.get(document) ?? [];
      byDocument.set(document, records);
      records.push({ record, bytes: journalRecordBytes(document, record), segment: segment.number });
    }
  }
  await foldLegacyLogs(docsDir, new Map([...byDocument].map(([document, kept]) => [document, kept.map((k) => k.record)])));

  const documents = new Map<string, DocumentEntry>();
  for (const [document, kept] of byDocument) {
    const lastSeq = kept.reduce((max, k) => Math.max(max, k.record.seq), 0);
    let throughSeq: number;
    try {
      throughSeq = (await readState(documentBase(docsDir, document))).throughSeq;
    } catch (error) {
      log.error("left a document's journal records as they are: its state cannot be read", { document, error: String(error) });
      documents.set(document, entry(lastSeq, 0, kept, true));
      continue;
    }
    documents.set(
      document,
      entry(Math.max(lastSeq, throughSeq), throughSeq, latestCopies(kept.filter((k) => k.record.seq > throughSeq)), false),
    );
  }
  // A damaged end is cut off (kept aside first), but not in a segment a frozen document needs.
  const frozen = new Set([...documents.values()].filter((d) => d.frozen).flatMap((d) => d.records.map((r) => r.segment)));
  for (const segment of segments) {
    if (!segment.damaged) continue;
    await keepAside(segment.file, segment.length - segment.goodLength);
    if (!frozen.has(segment.number)) await fs.truncate(segment.file, segment.goodLength);
  }
  return { documents, segments: segments.map((s) => s.number), next: (segments.at(-1)?.number ?? 0) + 1 };
}

function entry(lastSeq: number, throughSeq: number, records: KeptRecord[], frozen: boolean): DocumentEntry {
  const logBytes = records.reduce((sum, r) => sum + r.bytes, 0);
  return { lastSeq, throughSeq, records, logBytes, frozen, last: Promise.resolve() };
}

/** A record copied forward into a newer segment appears twice: only its newest copy is kept. */
function latestCopies(records: KeptRecord[]): KeptRecord[] {
  const newest = new Map<string, number>();
  for (const [i, r] of records.entries()) newest.set(`${r.record.kind}:${r.record.seq}`, i);
  return records.filter((r, i) => newest.get(`${r.record.kind}:${r.record.seq}`) === i);
}
