/** Reading and changing the meeting state (the chair's controls; see schema.ts for who may write). */
import type * as Y from "yjs";
import { budgetsMap, CASE_STATUSES, type CaseStatus, MEETING_FIELD, meetingMap, statusesMap, type TimerState, usedMap } from "./schema.ts";

export interface MeetingJson {
  lengthMinutes?: number;
  currentCaseId?: string;
  timer?: TimerState;
  /** Budgets the chair set by hand, per case id, in minutes. */
  budgets: Record<string, number>;
  statuses: Record<string, CaseStatus>;
  usedMs: Record<string, number>;
}

export function readMeeting(doc: Y.Doc): MeetingJson {
  const meeting = meetingMap(doc);
  const length = meeting.get(MEETING_FIELD.lengthMinutes);
  const current = meeting.get(MEETING_FIELD.currentCaseId);
  const timer = meeting.get(MEETING_FIELD.timer) as TimerState | undefined;
  const statuses: Record<string, CaseStatus> = {};
  statusesMap(doc).forEach((status, caseId) => {
    if (CASE_STATUSES.includes(status)) statuses[caseId] = status;
  });
  return {
    lengthMinutes: typeof length === "number" ? length : undefined,
    currentCaseId: typeof current === "string" ? current : undefined,
    timer: timer && typeof timer.caseId === "string" ? timer : undefined,
    budgets: Object.fromEntries(budgetsMap(doc).entries()),
    statuses,
    usedMs: Object.fromEntries(usedMap(doc).entries()),
  };
}

/** Minutes per case: hand-set budgets, and an even split of what is left for the others. */
export function caseBudgets(meeting: MeetingJson, caseIds: readonly string[]): Record<string, number> {
  const set = caseIds.filter((id) => meeting.budgets[id] !== undefined);
  const rest = caseIds.filter((id) => meeting.budgets[id] === undefined);
  const used = set.reduce((sum, id) => sum + meeting.budgets[id], 0);
  const left = Math.max(0, (meeting.lengthMinutes ?? 0) - used);
  const even = rest.length > 0 ? Math.floor(left / rest.length) : 0;
  return Object.fromEntries(caseIds.map((id) => [id, meeting.budgets[id] ?? even]));
}

export function setMeetingLength(doc: Y.Doc, minutes: number): void {
  meetingMap(doc).set(MEETING_FIELD.lengthMinutes, Math.max(0, Math.round(minutes)));
}

/** Sets (or, with undefined, clears back to the even split) a case's budget in minutes. */
export function setCaseBudget(doc: Y.Doc, caseId: string, minutes: number | undefined): void {
  if (minutes === undefined) budgetsMap(doc).delete(caseId);
  else budgetsMap(doc).set(caseId, Math.max(0, Math.round(minutes)));
}

export function setCaseStatus(doc: Y.Doc, caseId: string, status: CaseStatus): void {
  statusesMap(doc).set(caseId, status);
}

/** Milliseconds the timer has run, at `now`. */
export function timerElapsedMs(timer: TimerState, now: number): number {
  return timer.elapsedMs + (timer.state === "running" && timer.startedAt !== undefined ? Math.max(0, now - timer.startedAt) : 0);
}

/** Milliseconds left (negative once over time). */
export function timerRemainingMs(timer: TimerState, now: number): number {
  return timer.budgetMs - timerElapsedMs(timer, now);
}

/** Stops counting the current timer into its case's used time. */
function settleTimer(doc: Y.Doc, now: number): void {
  const timer = readMeeting(doc).timer;
  if (!timer) return;
  usedMap(doc).set(timer.caseId, (usedMap(doc).get(timer.caseId) ?? 0) + (timerElapsedMs(timer, now) - timer.elapsedMs));
}

/**
 * Moves the room to a case: the previous case's running time is counted, the new case is "in
 * discussion" (unless already discussed) and its timer is ready (paused) with its budget.
 */
export function goToCase(doc: Y.Doc, caseId: string, budgetMinutes: number, now = Date.now()): void {
  doc.transact(() => {
    const meeting = readMeeting(doc);
    if (meeting.timer?.state === "running") settleTimer(doc, now);
    meetingMap(doc).set(MEETING_FIELD.currentCaseId, caseId);
    if (meeting.statuses[caseId] !== "discussed") statusesMap(doc).set(caseId, "in-discussion");
    const timer: TimerState = { caseId, state: "paused", elapsedMs: usedMap(doc).get(caseId) ?? 0, budgetMs: budgetMinutes * 60_000 };
    meetingMap(doc).set(MEETING_FIELD.timer, timer);
  });
}

export function startTimer(doc: Y.Doc, now = Date.now()): boolean {
  const timer = readMeeting(doc).timer;
  if (!timer || timer.state === "running") return false;
  meetingMap(doc).set(MEETING_FIELD.timer, { ...timer, state: "running", startedAt: now } satisfies TimerState);
  return true;
}

export function pauseTimer(doc: Y.Doc, now = Date.now()): boolean {
  const timer = readMeeting(doc).timer;
  if (!timer || timer.state !== "running") return false;
  doc.transact(() => {
    settleTimer(doc, now);
    meetingMap(doc).set(MEETING_FIELD.timer, {
      caseId: timer.caseId,
      state: "paused",
      elapsedMs: timerElapsedMs(timer, now),
      budgetMs: timer.budgetMs,
    } satisfies TimerState);
  });
  return true;
}

/** Adds minutes to the running case's timer (+1 / +5 in the chair's controls). */
export function extendTimer(doc: Y.Doc, minutes: number): boolean {
  const timer = readMeeting(doc).timer;
  if (!timer) return false;
  meetingMap(doc).set(MEETING_FIELD.timer, { ...timer, budgetMs: timer.budgetMs + minutes * 60_000 } satisfies TimerState);
  return true;
}
