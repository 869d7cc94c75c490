/**
 * Review by the agencies, beside the snapshot: "read and acknowledged" and addenda. Neither
 * changes the snapshot or its SHA-256. Results are announced on the panel's status line.
 */
import type { AuditView } from "../../shared/domain/audit.ts";
import type { SnapshotWithReview } from "../api/snapshots.ts";
import { StatusLine, useStatusLine } from "../ui/StatusLine.tsx";
import { AcknowledgementsSection } from "./AcknowledgementsSection.tsx";
import { AddendaSection } from "./AddendaSection.tsx";

interface ReviewPanelProps {
  audit: AuditView;
  snapshot: SnapshotWithReview;
  /** Fetch the snapshot's review again after a change. */
  onChanged: () => void;
}

export function ReviewPanel({ audit, snapshot, onChanged }: ReviewPanelProps) {
  const line = useStatusLine();
  const changed = (message: string) => {
    line.say(message);
    onChanged();
  };
  return (
    <section className="panel review" aria-labelledby="review-heading">
      <h2 id="review-heading">Review</h2>
      <StatusLine status={line.status} error={line.error} />
      <AcknowledgementsSection
        audit={audit}
        snapshotId={snapshot.id}
        acknowledgements={snapshot.acknowledgements}
        onChanged={changed}
        onError={line.fail}
      />
      <AddendaSection auditId={audit.id} snapshotId={snapshot.id} addenda={snapshot.addenda} onChanged={changed} onError={line.fail} />
    </section>
  );
}
