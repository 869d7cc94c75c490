/**
 * What the room's screen shows: the room's case (only that case is in the page), its immediate
 * concerns, its three columns and the timer. Agency labels, never personal names. Live from the
 * document; it follows the chair.
 */
import { useMemo, useState } from "react";
import { COLUMN_IDS, PLAN_TITLES } from "../../../shared/board/index.ts";
import { agencyName } from "../../../shared/domain/agencies.ts";
import type { AuditView } from "../../../shared/domain/audit.ts";
import { useConcerns } from "../../board/concerns/useConcerns.ts";
import { useAgenda } from "../../board/selectors.ts";
import type { BoardConnection } from "../../collab/useBoardConnection.ts";
import { usePresence, usePublishProjector } from "../../collab/usePresence.ts";
import { CaseTimer } from "../../meeting/CaseTimer.tsx";
import { useMeeting } from "../../meeting/useMeeting.ts";
import { ProjectorColumn } from "./ProjectorColumn.tsx";
import { ProjectorConcerns } from "./ProjectorConcerns.tsx";

export function ProjectorView({ audit, connection }: { audit: AuditView; connection: BoardConnection }) {
  const { doc, provider } = connection;
  const meeting = useMeeting(connection.meeting.doc);
  const cases = useAgenda(doc);
  const item = cases.find((c) => c.id === meeting.currentCaseId);
  usePublishProjector(provider, item?.id);
  const concerns = useConcerns(doc).filter((c) => c.caseId === item?.id && c.status !== "actioned");
  // Which card someone is typing into, per column of this case: the column keeps it in view.
  const people = usePresence(provider);
  const editing = useMemo(() => new Set(people.flatMap((p) => (p.cardId && !p.isMe ? [p.cardId] : []))), [people]);
  const agency = (id: string) => agencyName(audit.agencies, id);
  const timerCase = cases.find((c) => c.id === meeting.timer?.caseId);
  const [timeUp, setTimeUp] = useState(false);
  const timerView = <CaseTimer timer={meeting.timer} caseLabel={timerCase?.label} className="projector-timer" onTimeUpChange={setTimeUp} />;
  const classes = timeUp ? "projector time-up" : "projector";

  if (!item) {
    return (
      <div className={classes}>
        <header className="projector-header">
          <h1>{audit.title}</h1>
          {timerView}
        </header>
        <main className="projector-waiting">
          <p>Waiting for the chair to open a case.</p>
        </main>
      </div>
    );
  }

  const facts = [item.ageBand, item.plan && item.plan !== "none" ? PLAN_TITLES[item.plan] : undefined].filter(Boolean).join(" · ");
  return (
    <div className={classes} data-case-id={item.id}>
      <header className="projector-header">
        <div className="projector-title">
          <h1>{item.label}</h1>
          {facts && <p className="projector-facts">{facts}</p>}
        </div>
        {timerView}
      </header>
      <main className="projector-main">
        <ProjectorConcerns concerns={concerns} agencyName={agency} />
        <div className="projector-columns">
          {COLUMN_IDS.map((column) => (
            <ProjectorColumn key={column} doc={doc} column={column} cardIds={item.columns[column]} agencyName={agency} editing={editing} />
          ))}
        </div>
      </main>
    </div>
  );
}
