/** The audits this person can open, their role in each, and (admins) the form to set up a new one. */
import { Link, useNavigate } from "react-router";
import { ROLE_TITLES } from "../../../shared/domain/account.ts";
import type { AuditView } from "../../../shared/domain/audit.ts";
import { api } from "../../api/client.ts";
import { useAsync } from "../../app/useAsync.ts";
import { usePageTitle } from "../../app/usePageTitle.ts";
import { useCurrentUser } from "../../session/SessionContext.tsx";
import { CreateAuditForm } from "./CreateAuditForm.tsx";

function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(`${iso}T00:00:00`);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

function roleText(audit: AuditView): string {
  const { role, agency } = audit.access;
  if (!role) return "Not a member (you can manage it as an admin)";
  return agency ? `${ROLE_TITLES[role]}, for ${agency.name}` : ROLE_TITLES[role];
}

function actionsText({ open, overdue }: AuditView["actionCounts"]): string {
  if (open === 0) return "None open";
  return `${open} open${overdue > 0 ? `, ${overdue} overdue` : ""}`;
}

function AuditItem({ audit }: { audit: AuditView }) {
  const { access } = audit;
  return (
    <li className="audit-item">
      <h3 id={`audit-${audit.id}-title`}>
        {access.role ? <Link to={`/audits/${audit.id}`}>{audit.title}</Link> : audit.title}
        {audit.freeze.frozen && <span className="frozen-badge">Frozen</span>}
      </h3>
      <p className="audit-theme">{audit.theme}</p>
      <dl className="facts">
        <dt>Your role</dt>
        <dd>{roleText(audit)}</dd>
        {audit.meetingDate && (
          <>
            <dt>Meeting</dt>
            <dd>{formatDate(audit.meetingDate)}</dd>
          </>
        )}
        {audit.period && (
          <>
            <dt>Period</dt>
            <dd>{audit.period}</dd>
          </>
        )}
        <dt>Agencies</dt>
        <dd>{audit.agencies.length}</dd>
        <dt>Actions</dt>
        <dd className={audit.actionCounts.overdue > 0 ? "has-overdue" : undefined}>{actionsText(audit.actionCounts)}</dd>
      </dl>
      {(access.role || access.canManageMembers || access.canViewTrail) && (
        <p className="item-links">
          {access.role && (
            // Named by its place: the audit's heading describes it (the title in its name would make
            // every link to the audit match a search for the title).
            <Link to={`/audits/${audit.id}/snapshots`} aria-describedby={`audit-${audit.id}-title`}>
              Snapshots
            </Link>
          )}
          {access.canManageMembers && (
            <Link to={`/audits/${audit.id}/members`} aria-label={`Members of ${audit.title}`}>
              Members
            </Link>
          )}
          {access.canViewTrail && (
            <Link to={`/audits/${audit.id}/trail`} aria-label={`Audit trail of ${audit.title}`}>
              Audit trail
            </Link>
          )}
        </p>
      )}
    </li>
  );
}

export function AuditListPage() {
  usePageTitle("Audits");
  const navigate = useNavigate();
  const user = useCurrentUser();
  const audits = useAsync(() => api.listAudits(), []);

  return (
    <main className="page" id="main">
      <h1>Multi-agency case audits</h1>
      <section aria-labelledby="audits-heading">
        <h2 id="audits-heading">{user.admin ? "All audits" : "Your audits"}</h2>
        {audits.status === "loading" && <p>Loading audits…</p>}
        {audits.status === "error" && <p role="alert">Could not load audits: {audits.message}</p>}
        {audits.status === "ready" && audits.value.length === 0 && (
          <p>{user.admin ? "No audits yet. Set one up below." : "You are not a member of any audit yet. An audit's chair can add you."}</p>
        )}
        {audits.status === "ready" && audits.value.length > 0 && (
          <ul className="audit-list">
            {audits.value.map((audit) => (
              <AuditItem key={audit.id} audit={audit} />
            ))}
          </ul>
        )}
      </section>
      {user.admin && (
        <section aria-labelledby="new-audit-heading">
          <h2 id="new-audit-heading">New audit</h2>
          <p className="hint">You become the audit's chair; add the other people from its members page.</p>
          <CreateAuditForm onCreated={(audit) => navigate(`/audits/${audit.id}`)} />
        </section>
      )}
    </main>
  );
}
