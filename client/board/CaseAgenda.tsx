/**
 * The case agenda down the side: select a case (as chair leading the room: move the room to it),
 * see where the room is, each case's status and time used against its budget, reorder cases, add
 * one, see who is where; then the audit-level entries (concerns, sections, themes, action plan).
 */
import { moveCase, PLAN_TITLES } from "../../shared/board/index.ts";
import { CaseTimeLine } from "../meeting/CaseTimeLine.tsx";
import { useMeetingContext } from "../meeting/MeetingContext.tsx";
import { AuditViewsList } from "./AuditViewsList.tsx";
import { useBoard } from "./BoardContext.tsx";
import { AddCaseForm } from "./LazyCaseForm.tsx";
import type { AgendaCase } from "./selectors.ts";
import type { AuditViewId } from "./views.ts";

interface CaseAgendaProps {
  cases: AgendaCase[];
  /** The case shown, if a case is shown. */
  selected: string | undefined;
  onSelect: (caseId: string) => void;
  /** Shows a case just added (never moves the room). */
  onAdded: (caseId: string) => void;
  /** The audit-level view shown, if one is. */
  selectedView: AuditViewId | undefined;
  onSelectView: (view: AuditViewId) => void;
}

export function CaseAgenda({ cases, selected, onSelect, onAdded, selectedView, onSelectView }: CaseAgendaProps) {
  const { doc, people, announce, readOnly } = useBoard();
  const { meeting, budgets, roomCase } = useMeetingContext();

  function move(caseId: string, label: string, index: number) {
    moveCase(doc, caseId, index);
    announce(`${label} moved to position ${index + 1} of ${cases.length}`);
  }

  return (
    <nav className="agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">Case agenda</h2>
      <ol className="agenda-list">
        {cases.map((item, index) => {
          const here = people.filter((p) => p.caseId === item.id);
          return (
            <li key={item.id} className={item.id === selected ? "agenda-item current" : "agenda-item"}>
              <button
                type="button"
                className="agenda-select"
                aria-current={item.id === selected ? "true" : undefined}
                onClick={() => onSelect(item.id)}
              >
                <span className="agenda-title">
                  <span className="agenda-label">{item.label}</span>
                  {item.id === roomCase?.id && <span className="room-tag">Room</span>}
                </span>
                <span className="agenda-meta">
                  {[
                    item.ageBand,
                    item.plan && item.plan !== "none" ? PLAN_TITLES[item.plan] : undefined,
                    item.cardCount === 1 ? "1 card" : `${item.cardCount} cards`,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
                <CaseTimeLine caseId={item.id} meeting={meeting} budget={budgets[item.id]} />
                {here.length > 0 && (
                  <span className="agenda-here">{here.length === 1 ? "1 person here" : `${here.length} people here`}</span>
                )}
              </button>
              {!readOnly && (
                <span className="agenda-reorder">
                  <button
                    type="button"
                    aria-label={`Move ${item.label} up`}
                    disabled={index === 0}
                    onClick={() => move(item.id, item.label, index - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${item.label} down`}
                    disabled={index === cases.length - 1}
                    onClick={() => move(item.id, item.label, index + 1)}
                  >
                    ↓
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {!readOnly && <AddCaseForm onAdded={onAdded} />}
      <AuditViewsList selected={selectedView} onSelect={onSelectView} />
    </nav>
  );
}
