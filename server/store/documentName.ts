/**
 * The names of an audit's collaborative documents: its board (the audit id itself) and its
 * meeting state (`<auditId>:meeting`, see shared/meeting/schema.ts). Every name a client sends
 * is parsed here, strictly, before it is used to look up membership or to build a file path:
 * the audit id part must be a well-formed id, and nothing else is a document.
 */
import { auditIdOfMeetingDoc } from "../../shared/meeting/schema.ts";
import { IdSchema } from "../../shared/validation/audit.ts";

export type DocumentKind = "board" | "meeting";

export interface DocumentRef {
  auditId: string;
  kind: DocumentKind;
}

/**
 * Names already parsed: hooks ask for every sync message (thousands a second), and the same few
 * names come back. Bounded, since names come from clients; emptied when full.
 */
const parsed = new Map<string, DocumentRef | undefined>();
const PARSED_MAX = 10_000;

/** The audit and kind of a document name, or undefined for anything that is not one. */
export function parseDocumentName(name: string): DocumentRef | undefined {
  if (parsed.has(name)) return parsed.get(name);
  const meetingOf = auditIdOfMeetingDoc(name);
  const auditId = IdSchema.safeParse(meetingOf ?? name);
  const ref: DocumentRef | undefined = auditId.success
    ? Object.freeze({ auditId: auditId.data, kind: meetingOf === undefined ? "board" : "meeting" })
    : undefined;
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(name, ref);
  return ref;
}

/** Only boards get the board's machinery (migration, authorship, freeze, action counts). */
export function isBoardDocument(name: string): boolean {
  return parseDocumentName(name)?.kind === "board";
}
