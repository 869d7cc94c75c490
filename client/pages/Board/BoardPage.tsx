/** An audit's live board: who I am, the connection, the agenda and the selected case. */
import { useCallback, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { agencyName } from "../../../shared/domain/agencies.ts";
import type { AuditMeta } from "../../../shared/domain/audit.ts";
import { api } from "../../api/client.ts";
import { useAsync } from "../../app/useAsync.ts";
import { usePageTitle } from "../../app/usePageTitle.ts";
import { JoinForm } from "../../board/JoinForm.tsx";
import { colourFor, type Identity, loadIdentity, saveIdentity } from "../../collab/identity.ts";
import { BoardView } from "./BoardView.tsx";

export function BoardPage() {
  const { auditId = "" } = useParams();
  const audit = useAsync(() => api.getAuditMeta(auditId), [auditId]);
  const [identity, setIdentity] = useState<Identity | undefined>(() => loadIdentity(auditId));
  usePageTitle(audit.status === "ready" ? audit.value.title : "Audit");

  if (audit.status === "loading") return <p className="page">Loading audit…</p>;
  if (audit.status === "error") {
    return (
      <main className="page narrow" id="main">
        <h1>Audit not available</h1>
        <p role="alert">{audit.message}</p>
        <p>
          <Link to="/">Back to the audits</Link>
        </p>
      </main>
    );
  }
  const meta: AuditMeta = audit.value;
  const known = identity && meta.agencies.some((a) => a.id === identity.agencyId) ? identity : undefined;
  if (!known) {
    return (
      <JoinForm
        audit={meta}
        onJoin={(next) => {
          saveIdentity(auditId, next);
          setIdentity(next);
        }}
      />
    );
  }
  return <JoinedBoard audit={meta} identity={known} />;
}

function JoinedBoard({ audit, identity }: { audit: AuditMeta; identity: Identity }) {
  const user = useMemo(
    () => ({
      name: identity.name,
      agencyId: identity.agencyId,
      agency: agencyName(audit.agencies, identity.agencyId),
      color: colourFor(identity.name),
    }),
    [audit.agencies, identity],
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
