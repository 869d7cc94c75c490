/**
 * The chair's changes to the meeting state, on top of shared/meeting: moving the room gives the
 * meeting a length if it has none yet, and a budget change for the case on the timer carries over
 * to the running timer (its extensions kept).
 */
import type * as Y from "yjs";
import {
  type CaseStatus,
  caseBudgets,
  extendTimer,
  goToCase,
  readMeeting,
  setCaseBudget,
  setCaseStatus,
  setMeetingLength,
} from "../../shared/meeting/index.ts";

/** A meeting whose chair never set its length gets this much per case when it starts. */
export const DEFAULT_MINUTES_PER_CASE = 15;

/** Runs `change`, then moves the timer's budget by however much its case's budget moved. */
function keepingTimer(doc: Y.Doc, caseIds: readonly string[], change: () => void): void {
  doc.transact(() => {
    const before = caseBudgets(readMeeting(doc), caseIds);
    change();
    const after = readMeeting(doc);
    const timer = after.timer;
    if (!timer) return;
    const delta = caseBudgets(after, caseIds)[timer.caseId] - before[timer.caseId];
    if (delta !== 0 && Number.isFinite(delta)) extendTimer(doc, delta);
  });
}

export function moveRoom(doc: Y.Doc, caseIds: readonly string[], caseId: string): void {
  doc.transact(() => {
    if (readMeeting(doc).lengthMinutes === undefined) setMeetingLength(doc, DEFAULT_MINUTES_PER_CASE * caseIds.length);
    goToCase(doc, caseId, caseBudgets(readMeeting(doc), caseIds)[caseId] ?? 0);
  });
}

export function changeMeetingLength(doc: Y.Doc, caseIds: readonly string[], minutes: number): void {
  keepingTimer(doc, caseIds, () => setMeetingLength(doc, minutes));
}

/** `undefined` goes back to the even split. */
export function changeCaseBudget(doc: Y.Doc, caseIds: readonly string[], caseId: string, minutes: number | undefined): void {
  keepingTimer(doc, caseIds, () => setCaseBudget(doc, caseId, minutes));
}

export function changeCaseStatus(doc: Y.Doc, caseId: string, status: CaseStatus): void {
  setCaseStatus(doc, caseId, status);
}
