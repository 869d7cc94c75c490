/**
 * What an action card shows everyone at a glance: status, priority, overdue, owner agency, lead,
 * due date, the finding it answers, and its SMART warnings (visible, never blocking).
 */
import { type ActionFields, actionWarnings, isOverdue } from "../../../shared/board/index.ts";
import { todayIso } from "../../../shared/domain/actions.ts";
import { FindingText } from "./FindingText.tsx";
import { formatDate, PRIORITY_TITLES, statusTitle } from "./format.ts";

export function StatusBadge({ status }: { status: ActionFields["status"] }) {
  return <span className={`status-badge status-${status}`}>{statusTitle(status)}</span>;
}

export function SmartWarning({ warnings, id }: { warnings: string[]; id?: string }) {
  if (warnings.length === 0) return null;
  return (
    <p className="smart-warning" id={id}>
      <span aria-hidden="true">⚠ </span>
      <strong>Not SMART yet:</strong> {warnings.join("; ")}
    </p>
  );
}

interface ActionSummaryProps {
  action: ActionFields;
  ownerName: string | undefined;
  /** Only the status line: the details form, open below, shows the rest. */
  brief?: boolean;
}

export function ActionSummary({ action, ownerName, brief = false }: ActionSummaryProps) {
  const overdue = isOverdue(action, todayIso());
  return (
    <div className="action-summary">
      <p className="action-line">
        <span className="action-tag">Action</span>
        <StatusBadge status={action.status} />
        {action.priority && <span className={`priority priority-${action.priority}`}>{PRIORITY_TITLES[action.priority]} priority</span>}
        {overdue && <span className="overdue-tag">Overdue</span>}
      </p>
      {!brief && <ActionFacts action={action} ownerName={ownerName} />}
      {!brief && <SmartWarning warnings={actionWarnings(action)} />}
    </div>
  );
}

function ActionFacts({ action, ownerName }: { action: ActionFields; ownerName: string | undefined }) {
  return (
    <dl className="action-facts">
      <dt>Owner</dt>
      <dd>{ownerName ?? <span className="muted">not set</span>}</dd>
      <dt>Lead</dt>
      <dd>{action.lead ?? <span className="muted">not set</span>}</dd>
      <dt>Due</dt>
      <dd>{action.dueDate ? formatDate(action.dueDate) : <span className="muted">not set</span>}</dd>
      {action.answers && (
        <>
          <dt>Answers</dt>
          <dd>
            <FindingText cardId={action.answers} />
          </dd>
        </>
      )}
    </dl>
  );
}
