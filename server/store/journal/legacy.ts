/**
 * Per-document update logs from before the journal (`docs/<base>.log`) are folded into their
 * document's state when the store opens: the state is rebuilt from the stored state, the old
 * log and any journal records (replay.ts: each update applied on its own), written atomically
 * with the highest seq seen, and only then is the old log deleted. A crash in between leaves
 * records the state already holds, skipped by their seq. A document whose state cannot be read
 * (it fails its checksum) is left exactly as it is: it is refused on load, as before.
 */
import { promises as fs } from "node:fs";
import { log } from "../../log.ts";
import { writeFileAtomic } from "../atomicFile.ts";
import { encodeStateFile, type LogRecord } from "../logRecords.ts";
import { encodeStoredDocument } from "../replay.ts";
import { documentBase, legacyLogFile, legacyStateFile, listLegacyLogs, stateFile } from "./files.ts";
import { collectUpdates, keepAside, readLegacyLog, readState } from "./onDisk.ts";

/** Folds every legacy log in docsDir, with the document's journal records (by document). */
export async function foldLegacyLogs(docsDir: string, journalRecords: ReadonlyMap<string, LogRecord[]>): Promise<void> {
  for (const document of await listLegacyLogs(docsDir)) {
    await foldDocument(docsDir, document, journalRecords.get(document) ?? []);
  }
}

async function foldDocument(docsDir: string, document: string, records: LogRecord[]): Promise<void> {
  const base = documentBase(docsDir, document);
  let stored: Awaited<ReturnType<typeof readState>>;
  try {
    stored = await readState(base);
  } catch (error) {
    log.error("left a document's old update log as it is: its state cannot be read", { document, error: String(error) });
    return;
  }
  const legacy = await readLegacyLog(base);
  if (legacy.damaged && legacy.bytes) await keepAside(legacyLogFile(base), legacy.bytes.length - legacy.goodLength);
  const { updates, lastSeq } = collectUpdates(stored.throughSeq, [...legacy.records, ...records]);
  // Nothing to store when there is nothing at all (only aborted updates of a never-stored document).
  if (lastSeq > stored.throughSeq && (stored.state || updates.length > 0)) {
    const state = encodeStoredDocument({ state: stored.state, updates }, document);
    await writeFileAtomic(stateFile(base), encodeStateFile(state, lastSeq));
    await fs.rm(legacyStateFile(base), { force: true });
  }
  await fs.rm(legacyLogFile(base), { force: true });
}
