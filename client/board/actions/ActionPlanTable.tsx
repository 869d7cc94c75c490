/**
 * The action plan as a table; each action's text links to its card on the board. After the
 * freeze a last column shows the progress recorded since, and a row under an action may hold
 * the form to record more.
 */
import { Fragment, memo, type ReactNode } from "react";
import { Link } from "react-router";
import type { ActionView } from "../../../shared/domain/actions.ts";
import { boardSearch } from "../views.ts";
import { SmartWarning, StatusBadge } from "./ActionSummary.tsx";
import { formatDate, PRIORITY_TITLES } from "./format.ts";

/** The progress column after the freeze: its cell, and what goes in a full-width row below (or nothing). */
export interface ProgressColumn {
  cell: (action: ActionView) => ReactNode;
  after: (action: ActionView) => ReactNode;
}

interface ActionPlanTableProps {
  actions: ActionView[];
  agencyName: (id: string) => string;
  progress?: ProgressColumn;
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
            {progress && <th scope="col">Progress since sign-off</th>}
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => {
            const below = progress?.after(action);
            return (
              <Fragment key={action.id}>
                <tr className={action.warnings.length > 0 ? "not-smart" : undefined}>
                  <td className="nowrap">{action.caseLabel}</td>
                  <th scope="row">
                    <Link to={boardSearch({ case: action.caseId, card: action.id })}>{action.text || "(empty card)"}</Link>
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
                  {progress && <td className="progress-cell">{progress.cell(action)}</td>}
                </tr>
                {below && (
                  <tr className="row-form">
                    <td colSpan={COLUMNS + 1}>{below}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
});
