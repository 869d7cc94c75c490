/** Says, above a frozen board, that it was signed off (by whom, when) and links to the final snapshot. */
import { Link } from "react-router";
import type { FreezeState } from "../../../shared/domain/snapshot.ts";
import { formatDateTime, signerText, snapshotPath } from "../../snapshots/format.ts";

export function FrozenBanner({ auditId, freeze }: { auditId: string; freeze: FreezeState }) {
  // The record may still be on its way when the freeze has just happened.
  const known = freeze.frozen && freeze.frozenBy;
  return (
    <section className="read-only-banner frozen-banner" aria-label="Frozen">
      <p>
        <strong>Frozen and signed off.</strong>{" "}
        {known && freeze.frozenBy
          ? `${signerText(freeze.frozenBy)} signed off this audit on ${formatDateTime(freeze.frozenAt)}.`
          : "The chair has signed off this audit."}{" "}
        The board is read-only for everyone until the chair reopens it.
        {known && freeze.snapshotId && (
          <>
            {" "}
            <Link to={snapshotPath(auditId, freeze.snapshotId)}>Open the final snapshot</Link>
          </>
        )}
      </p>
    </section>
  );
}
