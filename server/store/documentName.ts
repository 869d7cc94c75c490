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

/** The audit and kind of a document name, or undefined for anything that is not one. */
export function parseDocumentName(name: string): DocumentRef | undefined {
  const meetingOf = auditIdOfMeetingDoc(name);
  const auditId = IdSchema.safeParse(meetingOf ?? name);
  if (!auditId.success) return undefined;
  return { auditId: auditId.data, kind: meetingOf === undefined ? "board" : "meeting" };
}

/** Only boards get the board's machinery (migration, authorship, freeze, action counts). */
export function isBoardDocument(name: string): boolean {
  return parseDocumentName(name)?.kind === "board";
}
