/**
 * The action plan as a table; each action's text links to its card on the board. Immediate
 * safeguarding concerns come first, marked urgent, and link to their case. After the
 * freeze a full-width row under each action shows the progress recorded since (and the form to
 * record more), so the table keeps its width on the board.
 */
import { memo, type ReactNode } from "react";
import { Link } from "react-router";
import type { ActionView } from "../../../shared/domain/actions.ts";
import { boardSearch } from "../views.ts";
import { SmartWarning, StatusBadge } from "./ActionSummary.tsx";
import { formatDate, PRIORITY_TITLES } from "./format.ts";

/** What goes in the full-width row under an action (after the freeze: its progress). */
export type ProgressRow = (action: ActionView) => ReactNode;

interface ActionPlanTableProps {
  actions: ActionView[];
  agencyName: (id: string) => string;
  progress?: ProgressRow;
}

const COLUMNS = 8;

function NotSet() {
  return <span className="muted">not set</span>;
}

export const ActionPlanTable = memo(function ActionPlanTable({ actions, agencyName, progress }: ActionPlanTableProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard to scroll it.
    <section className="table-scroll" aria-label="Actions table" tabIndex={0}>
      <table className="data-table action-table">
        <caption className="visually-hidden">Actions of this audit</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">What needs to happen</th>
            <th scope="col">Owner agency</th>
            <th scope="col">Lead</th>
            <th scope="col">Due</th>
            <th scope="col">Priority</th>
            <th scope="col">Status</th>
            <th scope="col">Answers finding</th>
          </tr>
        </thead>
        {/* One body per action: its row, and the progress row under it after the freeze. */}
        {actions.map((action) => {
          const below = progress?.(action);
          const classes = [action.urgent ? "urgent" : "", action.warnings.length > 0 ? "not-smart" : "", below ? "has-progress" : ""]
            .filter(Boolean)
            .join(" ");
          return (
            <tbody key={action.id} className="action-group">
              <tr className={classes || undefined}>
                <td className="nowrap">{action.caseLabel}</td>
                <th scope="row">
                  {action.urgent ? (
                    <>
                      <span className="urgent-tag">Urgent: immediate concern</span>{" "}
                      <Link to={boardSearch({ case: action.caseId })}>{action.text || "(no text)"}</Link>
                    </>
                  ) : (
                    <Link to={boardSearch({ case: action.caseId, card: action.id })}>{action.text || "(empty card)"}</Link>
                  )}
                  <SmartWarning warnings={action.warnings} />
                </th>
                <td>{action.ownerAgency ? agencyName(action.ownerAgency) : <NotSet />}</td>
                <td>{action.lead ?? <NotSet />}</td>
                <td className="nowrap">
                  {action.dueDate ? formatDate(action.dueDate) : <NotSet />}
                  {action.overdue && <span className="overdue-tag">Overdue</span>}
                </td>
                <td>{action.priority ? PRIORITY_TITLES[action.priority] : <NotSet />}</td>
                <td>
                  <StatusBadge status={action.status} />
                </td>
                <td className="finding-cell">
                  {action.answersText ?? (action.answers ? <span className="muted">deleted finding</span> : "")}
                </td>
              </tr>
              {below && (
                <tr className="progress-row">
                  <td colSpan={COLUMNS}>{below}</td>
                </tr>
              )}
            </tbody>
          );
        })}
      </table>
    </section>
  );
});
