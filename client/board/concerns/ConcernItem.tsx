/** One immediate concern: what, which agency must act (who), by when, who raised it; "Mark actioned". */
import type { ConcernJson } from "../../../shared/board/index.ts";
import { updateConcern } from "../../../shared/board/index.ts";
import { agencyLabel } from "../agencyNames.ts";
import { useBoardStatic } from "../BoardContext.tsx";
import { formatWhen } from "./format.ts";

export function ConcernItem({ concern, caseLabel }: { concern: ConcernJson; caseLabel?: string }) {
  const { doc, audit, user, readOnly, announce } = useBoardStatic();
  const actioned = concern.status === "actioned";
  const overdue = !actioned && Date.parse(concern.dueAt) < Date.now();
  return (
    <li className={actioned ? "concern actioned" : "concern"}>
      <p className="concern-text">
        {caseLabel && <span className="concern-case">{caseLabel}: </span>}
        {concern.concern}
      </p>
      <p className="concern-facts">
        <strong>{agencyLabel(audit, user, concern.agency)}</strong>
        {concern.who ? ` (${concern.who})` : ""} to act by <span className="concern-due">{formatWhen(concern.dueAt)}</span>
        {overdue && <span className="overdue-tag">Overdue</span>}
        {actioned && <span className="status-badge status-done">Actioned</span>}
      </p>
      <p className="concern-raised">
        Raised by {concern.raisedBy}, {agencyLabel(audit, user, concern.raisedByAgency)}, {formatWhen(concern.raisedAt)}
      </p>
      {!readOnly && (
        <button
          type="button"
          className="small"
          onClick={() => {
            updateConcern(doc, concern.id, { status: actioned ? "open" : "actioned" });
            announce(actioned ? "Concern reopened" : "Concern marked actioned");
          }}
        >
          {actioned ? "Reopen" : "Mark actioned"}
        </button>
      )}
    </li>
  );
}
