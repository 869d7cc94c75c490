/**
 * Where the lowdb store keeps documents: `docs/<base>.state` (the last compacted state),
 * `journal/<n>.log` (segments of the journal shared by every document), and two legacy forms
 * read when found: `docs/<base>.ydoc` (a bare Yjs state, before the update log) and
 * `docs/<base>.log` (a per-document update log, before the journal).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { MEETING_DOC_SUFFIX } from "../../../shared/meeting/schema.ts";
import { parseDocumentName } from "../documentName.ts";

export const stateFile = (base: string) => `${base}.state`;
export const legacyLogFile = (base: string) => `${base}.log`;
export const legacyStateFile = (base: string) => `${base}.ydoc`;

export const docsDirOf = (dataDir: string) => path.join(dataDir, "docs");
export const journalDirOf = (dataDir: string) => path.join(dataDir, "journal");
export const segmentFile = (journalDir: string, number: number) => path.join(journalDir, `${number}.log`);

const MEETING_BASE_SUFFIX = ".meeting";

/**
 * `docs/<auditId>` for a board, `docs/<auditId>.meeting` for its meeting state. Names are
 * validated at the boundary; parsed again here because this builds a path (an id has no dots
 * or slashes, so the two kinds can never share a file and nothing leaves docsDir).
 */
export function documentBase(docsDir: string, documentName: string): string {
  const ref = parseDocumentName(documentName);
  if (!ref) throw new Error(`Not a document name: ${JSON.stringify(documentName.slice(0, 80))}`);
  return path.join(docsDir, ref.kind === "meeting" ? `${ref.auditId}${MEETING_BASE_SUFFIX}` : ref.auditId);
}

/** The document a file base name belongs to (the inverse of documentBase), or undefined. */
export function documentNameOfBase(base: string): string | undefined {
  const name = base.endsWith(MEETING_BASE_SUFFIX) ? `${base.slice(0, -MEETING_BASE_SUFFIX.length)}${MEETING_DOC_SUFFIX}` : base;
  return parseDocumentName(name) ? name : undefined;
}

/** The journal's segment numbers, oldest first. */
export async function listSegments(journalDir: string): Promise<number[]> {
  let names: string[];
  try {
    names = await fs.readdir(journalDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return names
    .flatMap((name) => {
      const match = /^(\d+)\.log$/.exec(name);
      return match ? [Number(match[1])] : [];
    })
    .sort((a, b) => a - b);
}

/** The documents that have a legacy per-document log in docsDir. */
export async function listLegacyLogs(docsDir: string): Promise<string[]> {
  const names = await fs.readdir(docsDir).catch(() => [] as string[]);
  return names.flatMap((name) => {
    const document = name.endsWith(".log") ? documentNameOfBase(name.slice(0, -".log".length)) : undefined;
    return document ? [document] : [];
  });
}
