/**
 * One case's line in the agenda: its status and the time it has used against its budget. Only
 * the line of the case on a running timer ticks.
 */
import { CASE_STATUS_TITLES, type CaseStatus, type MeetingJson, timerElapsedMs } from "../../shared/meeting/index.ts";
import { formatClock, formatMinutes } from "./timeFormat.ts";
import { useNow } from "./useNow.ts";

interface CaseTimeLineProps {
  caseId: string;
  meeting: MeetingJson;
  budget: number | undefined;
}

export function CaseTimeLine({ caseId, meeting, budget }: CaseTimeLineProps) {
  const timer = meeting.timer?.caseId === caseId ? meeting.timer : undefined;
  useNow(timer?.state === "running");
  const used = timer ? timerElapsedMs(timer, Date.now()) : (meeting.usedMs[caseId] ?? 0);
  const status: CaseStatus = meeting.statuses[caseId] ?? "not-started";
  const over = budget !== undefined && used > budget * 60_000;
  const time =
    budget === undefined
      ? used > 0
        ? `${formatClock(used)} used`
        : "no budget"
      : used > 0
        ? `${formatClock(used)} of ${formatMinutes(budget)}`
        : formatMinutes(budget);
  return (
    <span className={`agenda-time status-${status}`}>
      <span className="case-status">{CASE_STATUS_TITLES[status]}</span>
      {" · "}
      <span className={over ? "over-budget" : undefined}>{time}</span>
      {over && <span className="visually-hidden"> (over budget)</span>}
    </span>
  );
}
