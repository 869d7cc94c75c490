/** /audits/:id/members: who takes part in an audit and as what; the chair or an admin changes it. */
import { Link, useParams } from "react-router";
import { api } from "../api/client.ts";
import { useAsync, useReloadable } from "../app/useAsync.ts";
import { usePageTitle } from "../app/usePageTitle.ts";
import { StatusLine, useStatusLine } from "../ui/StatusLine.tsx";
import { UnavailablePage } from "../ui/UnavailablePage.tsx";
import { AddMemberForm } from "./AddMemberForm.tsx";
import { MembersTable } from "./MembersTable.tsx";

export function MembersPage() {
  const { auditId = "" } = useParams();
  const audit = useAsync(() => api.getAuditMeta(auditId), [auditId]);
  const members = useReloadable(() => api.listMembers(auditId), [auditId]);
  const line = useStatusLine();
  const title = audit.status === "ready" ? audit.value.title : "Audit";
  usePageTitle(`Members of ${title}`);

  if (audit.status === "loading") return <p className="page">Loading audit…</p>;
  if (audit.status === "error") return <UnavailablePage message={audit.message} />;
  const { access } = audit.value;
  const changed = (message: string) => {
    line.say(message);
    members.reload();
  };

  return (
    <main className="page" id="main">
      <p className="breadcrumbs">
        <Link to="/">Audits</Link> › {access.role ? <Link to={`/audits/${auditId}`}>{title}</Link> : <span>{title}</span>}
      </p>
      <h1>Members of “{title}”</h1>
      <p className="hint">
        Chairs run the meeting and manage members; attendees edit the board as their agency; observers can only read it. Changes take effect
        at once, also for people who have the board open.
      </p>
      {access.canViewTrail && (
        <p>
          <Link to={`/audits/${auditId}/trail`}>Audit trail of this audit</Link>
        </p>
      )}
      <StatusLine status={line.status} error={line.error} />
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {members.state.status === "loading" && <p>Loading members…</p>}
        {members.state.status === "error" && <p role="alert">Could not load the members: {members.state.message}</p>}
        {members.state.status === "ready" && (
          <MembersTable
            auditId={auditId}
            members={members.state.value}
            canManage={access.canManageMembers}
            onChanged={changed}
            onError={line.fail}
          />
        )}
      </section>
      {access.canManageMembers && (
        <section aria-labelledby="add-member-heading">
          <h2 id="add-member-heading">Add a member</h2>
          <AddMemberForm audit={audit.value} onAdded={members.reload} />
        </section>
      )}
    </main>
  );
}
