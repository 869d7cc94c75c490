/** The audits this person can open, and the form to set up a new one. */
import { Link, useNavigate } from "react-router";
import { api } from "../../api/client.ts";
import { useAsync } from "../../app/useAsync.ts";
import { usePageTitle } from "../../app/usePageTitle.ts";
import { CreateAuditForm } from "./CreateAuditForm.tsx";

function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(`${iso}T00:00:00`);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

export function AuditListPage() {
  usePageTitle("Audits");
  const navigate = useNavigate();
  const audits = useAsync(() => api.listAudits(), []);

  return (
    <>
      <header className="app-header">
        <p className="brand">MACA Board</p>
      </header>
      <main className="page" id="main">
        <h1>Multi-agency case audits</h1>
        <section aria-labelledby="audits-heading">
          <h2 id="audits-heading">Audits</h2>
          {audits.status === "loading" && <p>Loading audits…</p>}
          {audits.status === "error" && <p role="alert">Could not load audits: {audits.message}</p>}
          {audits.status === "ready" && audits.value.length === 0 && <p>No audits yet. Set one up below.</p>}
          {audits.status === "ready" && audits.value.length > 0 && (
            <ul className="audit-list">
              {audits.value.map((audit) => (
                <li key={audit.id} className="audit-item">
                  <h3>
                    <Link to={`/audits/${audit.id}`}>{audit.title}</Link>
                  </h3>
                  <p className="audit-theme">{audit.theme}</p>
                  <dl className="facts">
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
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="new-audit-heading">
          <h2 id="new-audit-heading">Set up a new audit</h2>
          <CreateAuditForm onCreated={(audit) => navigate(`/audits/${audit.id}`)} />
        </section>
      </main>
    </>
  );
}
