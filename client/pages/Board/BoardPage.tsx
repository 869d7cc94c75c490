/**
 * An audit's live board. Who I am comes from the session (my name) and my membership (the agency
 * I write as); the server stamps both on my cards and my presence whatever this page says.
 */
import { useCallback, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import type { AuditView } from "../../../shared/domain/audit.ts";
import { api } from "../../api/client.ts";
import { useAsync } from "../../app/useAsync.ts";
import { usePageTitle } from "../../app/usePageTitle.ts";
import { colourFor } from "../../collab/colour.ts";
import type { PresenceUser } from "../../collab/usePresence.ts";
import { useCurrentUser } from "../../session/SessionContext.tsx";
import { UnavailablePage } from "../../ui/UnavailablePage.tsx";
import { BoardView } from "./BoardView.tsx";

export function BoardPage() {
  const { auditId = "" } = useParams();
  const audit = useAsync(() => api.getAuditMeta(auditId), [auditId]);
  usePageTitle(audit.status === "ready" ? audit.value.title : "Audit");

  if (audit.status === "loading") return <p className="page">Loading audit…</p>;
  if (audit.status === "error") return <UnavailablePage message={audit.message} />;
  const meta = audit.value;
  if (!meta.access.role || !meta.access.agency) {
    return (
      <main className="page narrow" id="main">
        <h1>{meta.title}</h1>
        <p role="alert">You are not a member of this audit, so you cannot open its board.</p>
        {meta.access.canManageMembers && (
          <p>
            As an admin you can add yourself, or anyone else, on the <Link to={`/audits/${meta.id}/members`}>members page</Link>.
          </p>
        )}
        <p>
          <Link to="/">Back to the audits</Link>
        </p>
      </main>
    );
  }
  return <MemberBoard audit={meta} />;
}

function MemberBoard({ audit }: { audit: AuditView }) {
  const account = useCurrentUser();
  const agency = audit.access.agency ?? account.agency;
  const user = useMemo<PresenceUser>(
    () => ({ name: account.name, agencyId: agency.id, agency: agency.name, color: colourFor(account.name) }),
    [account.name, agency.id, agency.name],
  );
  const [message, setMessage] = useState("");
  const announce = useCallback((text: string) => {
    // Clearing first makes a repeated message be announced again.
    setMessage("");
    requestAnimationFrame(() => setMessage(text));
  }, []);
  return (
    <>
      <BoardView audit={audit} user={user} announce={announce} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
    </>
  );
}
