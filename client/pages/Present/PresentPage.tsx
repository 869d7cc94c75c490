/**
 * The projector view of an audit (`/audits/:id/present`), for the room's screen: the case the
 * chair is on, its three columns and the timer, in large type. Any member may open it; it never
 * changes the board.
 */
import { Link, useParams } from "react-router";
import type { AuditView } from "../../../shared/domain/audit.ts";
import { api } from "../../api/client.ts";
import { useAsync } from "../../app/useAsync.ts";
import { usePageTitle } from "../../app/usePageTitle.ts";
import { useBoardConnection } from "../../collab/useBoardConnection.ts";
import { UnavailablePage } from "../../ui/UnavailablePage.tsx";
import { ProjectorView } from "./ProjectorView.tsx";

export function PresentPage() {
  const { auditId = "" } = useParams();
  const audit = useAsync(() => api.getAuditMeta(auditId), [auditId]);
  usePageTitle(audit.status === "ready" ? `${audit.value.title} (projector)` : "Projector");
  if (audit.status === "loading") return <p className="page">Loading audit…</p>;
  if (audit.status === "error") return <UnavailablePage message={audit.message} />;
  if (!audit.value.access.role) {
    return <UnavailablePage title={audit.value.title} message="You are not a member of this audit, so you cannot open its board." />;
  }
  return <ProjectorConnection audit={audit.value} />;
}

function ProjectorConnection({ audit }: { audit: AuditView }) {
  const { connection, ended } = useBoardConnection(audit.id, { readOnly: true, frozen: audit.freeze.frozen });
  if (ended) {
    return (
      <UnavailablePage
        title={audit.title}
        message={ended === "session-ended" ? "Your session ended: sign in again." : "This board is no longer available to you."}
      />
    );
  }
  if (!connection) return <p className="page">Connecting…</p>;
  return <ProjectorView audit={audit} connection={connection} />;
}
