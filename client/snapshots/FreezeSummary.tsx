/** Whether the audit is signed off: who froze it and when (with the final snapshot), or its last reopening. */
import { Link } from "react-router";
import type { FreezeState } from "../../shared/domain/snapshot.ts";
import { formatDateTime, signerText, snapshotPath } from "./format.ts";

export function FreezeSummary({ auditId, freeze }: { auditId: string; freeze: FreezeState }) {
  if (freeze.frozen) {
    return (
      <div className="freeze-summary frozen">
        <p>
          <span className="frozen-badge">Frozen</span> Signed off
          {freeze.frozenBy ? ` by ${signerText(freeze.frozenBy)}` : ""}
          {freeze.frozenAt ? ` on ${formatDateTime(freeze.frozenAt)}` : ""}. The board is read-only.{" "}
          {freeze.snapshotId && <Link to={snapshotPath(auditId, freeze.snapshotId)}>Open the final snapshot</Link>}
        </p>
      </div>
    );
  }
  return (
    <div className="freeze-summary open">
      <p>
        <strong>Open:</strong> the board is live and not signed off.
        {freeze.reopenedAt && (
          <>
            {" "}
            Reopened{freeze.reopenedBy ? ` by ${signerText(freeze.reopenedBy)}` : ""} on {formatDateTime(freeze.reopenedAt)}
            {freeze.reopenReason ? `: “${freeze.reopenReason}”` : ""}.
          </>
        )}
      </p>
    </div>
  );
}
