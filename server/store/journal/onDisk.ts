/**
 * Reading a document's stored form: its state file, a legacy per-document log, and its records
 * in the journal's segments. readStoredDocument reads what a restart would load without
 * changing anything (safe while the server runs): segments first, then the state, because
 * compaction writes the state before it deletes segments, so a reader never pairs a state with
 * older records than it holds (a record the state already has is skipped by its seq).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { log } from "../../log.ts";
import { readFileIfExists } from "../atomicFile.ts";
import type { LoggedUpdate, StoredDocument } from "../DocumentLog.ts";
import { decodeRecords, decodeStateFile, type LogRecord } from "../logRecords.ts";
import { docsDirOf, documentBase, journalDirOf, legacyLogFile, legacyStateFile, listSegments, segmentFile, stateFile } from "./files.ts";
import { type DecodedSegment, decodeSegment } from "./journalRecords.ts";

export interface StoredOnDisk extends StoredDocument {
  /** The state holds every record up to this seq. */
  throughSeq: number;
  /** The highest seq seen anywhere (the state's, if nothing later). */
  lastSeq: number;
}

/** The document's state file (or legacy bare state); throws if it fails its checksum. */
export async function readState(base: string): Promise<{ state: Uint8Array | undefined; throughSeq: number }> {
  const bytes = await readFileIfExists(stateFile(base));
  if (bytes) return decodeStateFile(bytes);
  const legacy = await readFileIfExists(legacyStateFile(base));
  return { state: legacy && new Uint8Array(legacy), throughSeq: 0 };
}

/** A legacy per-document log's valid records, and whether a damaged end follows them. */
export async function readLegacyLog(
  base: string,
): Promise<{ records: LogRecord[]; bytes: Buffer | undefined; goodLength: number; damaged: boolean }> {
  const bytes = await readFileIfExists(legacyLogFile(base));
  if (!bytes) return { records: [], bytes, goodLength: 0, damaged: false };
  const { records, goodLength } = decodeRecords(bytes);
  return { records, bytes, goodLength, damaged: bytes.subarray(goodLength).some((byte) => byte !== 0) };
}

/**
 * The updates after `throughSeq`, in seq order, without aborted ones. A record may appear more
 * than once (copied forward into a newer segment, or in both a legacy log and the journal).
 */
export function collectUpdates(throughSeq: number, records: Iterable<LogRecord>): { updates: LoggedUpdate[]; lastSeq: number } {
  const updates = new Map<number, Uint8Array>();
  const aborted = new Set<number>();
  let lastSeq = throughSeq;
  for (const record of records) {
    lastSeq = Math.max(lastSeq, record.seq);
    if (record.kind === "abort") aborted.add(record.seq);
    else if (record.seq > throughSeq) updates.set(record.seq, record.update);
  }
  const kept = [...updates].filter(([seq]) => !aborted.has(seq)).sort(([a], [b]) => a - b);
  return { updates: kept.map(([seq, update]) => ({ seq, update })), lastSeq };
}

export interface ReadSegment extends DecodedSegment {
  number: number;
  file: string;
  length: number;
}

/** Every segment of the journal, oldest first (one deleted meanwhile is skipped). */
export async function readSegments(journalDir: string): Promise<ReadSegment[]> {
  const segments: ReadSegment[] = [];
  for (const number of await listSegments(journalDir)) {
    const file = segmentFile(journalDir, number);
    const bytes = await readFileIfExists(file);
    if (bytes) segments.push({ number, file, length: bytes.length, ...decodeSegment(bytes) });
  }
  return segments;
}

/** What a restart would load for the document, read without changing anything. */
export async function readStoredDocument(dataDir: string, documentName: string): Promise<StoredOnDisk> {
  const base = documentBase(docsDirOf(dataDir), documentName);
  const segments = await readSegments(journalDirOf(dataDir));
  const legacy = await readLegacyLog(base);
  const { state, throughSeq } = await readState(base);
  const journal = segments.flatMap((s) => s.records.filter((r) => r.document === documentName).map((r) => r.record));
  const { updates, lastSeq } = collectUpdates(throughSeq, [...legacy.records, ...journal]);
  return { state, updates, throughSeq, lastSeq };
}

/** Keeps a damaged file's bytes aside for inspection before its damaged end is cut or it is removed. */
export async function keepAside(file: string, damagedBytes: number): Promise<void> {
  const aside = `${file}.damaged-${Date.now()}`;
  await fs.copyFile(file, aside);
  log.warn("dropped a torn or corrupt end of an update log", {
    file: path.basename(file),
    keptIn: path.basename(aside),
    bytes: damagedBytes,
  });
}
