/**
 * Meeting state: which case the room is on, the case timer, the time budgets and each case's
 * status. It lives in its own Y.Doc per audit (document name `<auditId>:meeting`), so the server
 * can make it writable for the audit's chairs only: every other connection to it is read-only,
 * and Hocuspocus drops their updates. Every client and the projector sync it, so a late joiner
 * sees the room's state at once.
 *
 * doc.getMap("meeting")   lengthMinutes, currentCaseId, timer: TimerState (one value, replaced whole)
 * doc.getMap("budgets")   caseId -> minutes (cases without an entry share what is left evenly)
 * doc.getMap("statuses")  caseId -> CaseStatus
 * doc.getMap("usedMs")    caseId -> milliseconds the timer has run for the case so far
 */
import type * as Y from "yjs";

export const MEETING_DOC_SUFFIX = ":meeting";

export function meetingDocName(auditId: string): string {
  return `${auditId}${MEETING_DOC_SUFFIX}`;
}

/** The audit id of a meeting document name, or undefined for any other name. */
export function auditIdOfMeetingDoc(name: string): string | undefined {
  return name.endsWith(MEETING_DOC_SUFFIX) ? name.slice(0, -MEETING_DOC_SUFFIX.length) : undefined;
}

export const MEETING_FIELD = { lengthMinutes: "lengthMinutes", currentCaseId: "currentCaseId", timer: "timer" } as const;

export const CASE_STATUSES = ["not-started", "in-discussion", "discussed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_TITLES: Record<CaseStatus, string> = {
  "not-started": "Not started",
  "in-discussion": "In discussion",
  discussed: "Discussed",
};

/**
 * The case timer. Times are the chair's clock in epoch milliseconds; a running timer's elapsed
 * time is `elapsedMs + (now - startedAt)`.
 */
export interface TimerState {
  caseId: string;
  state: "running" | "paused";
  /** Set while running. */
  startedAt?: number;
  /** Time run before `startedAt` (the pauses' total is not counted). */
  elapsedMs: number;
  /** The case's budget plus any extensions, for this run of the timer. */
  budgetMs: number;
}

export function meetingMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap("meeting");
}

export function budgetsMap(doc: Y.Doc): Y.Map<number> {
  return doc.getMap("budgets");
}

export function statusesMap(doc: Y.Doc): Y.Map<CaseStatus> {
  return doc.getMap("statuses");
}

export function usedMap(doc: Y.Doc): Y.Map<number> {
  return doc.getMap("usedMs");
}
