/**
 * The audit trail: /audits/:id/trail (the audit's chair, or an admin) and /admin/audit-log (admins,
 * everything). Filters live in the address; the CSV download uses the same ones.
 */
import { Link, useParams, useSearchParams } from "react-router";
import { api, auditLogCsvUrl, type TrailFilter } from "../api/client.ts";
import { useAsync } from "../app/useAsync.ts";
import { usePageTitle } from "../app/usePageTitle.ts";
import { ChainStatus } from "./ChainStatus.tsx";
import { type Person, TrailFilters } from "./TrailFilters.tsx";
import { TrailTable } from "./TrailTable.tsx";

/** The people to filter by: the audit's members, or every account for the whole trail. */
async function loadContext(auditId: string | undefined): Promise<{ title?: string; people: Person[] }> {
  if (!auditId) {
    const users = await api.listUsers();
    return { people: users.map((u) => ({ id: u.id, name: u.name, email: u.email })) };
  }
  const [audit, members] = await Promise.all([api.getAuditMeta(auditId), api.listMembers(auditId)]);
  return { title: audit.title, people: members.map((m) => ({ id: m.userId, name: m.name, email: m.email })) };
}

export function AuditTrailPage() {
  const { auditId } = useParams();
  const [params, setParams] = useSearchParams();
  const filter: TrailFilter = { auditId, userId: params.get("userId") ?? undefined, since: params.get("since") ?? undefined };
  const context = useAsync(() => loadContext(auditId), [auditId]);
  const trail = useAsync(() => api.auditLog(filter), [auditId, filter.userId, filter.since]);
  const title = context.status === "ready" ? context.value.title : undefined;
  usePageTitle(auditId ? `Audit trail of ${title ?? "an audit"}` : "Audit trail");

  const apply = ({ userId, since }: { userId?: string; since?: string }) => {
    const next = new URLSearchParams();
    if (userId) next.set("userId", userId);
    if (since) next.set("since", since);
    setParams(next);
  };

  return (
    <main className="page wide" id="main">
      {auditId && (
        <p className="breadcrumbs">
          <Link to="/">Audits</Link> › <Link to={`/audits/${auditId}`}>{title ?? "Audit"}</Link>
        </p>
      )}
      <h1>{auditId ? `Audit trail of “${title ?? "…"}”` : "Audit trail (all audits and accounts)"}</h1>
      <p className="hint">
        Who signed in, opened, changed or managed what, and when. Entries cannot be edited: each carries a hash of the one before.
      </p>
      {context.status === "error" && <p role="alert">Could not load the people to filter by: {context.message}</p>}
      <TrailFilters
        people={context.status === "ready" ? context.value.people : []}
        userId={filter.userId}
        since={filter.since}
        onApply={apply}
      />
      {trail.status === "loading" && <p role="status">Loading the audit trail…</p>}
      {trail.status === "error" && <p role="alert">Could not load the audit trail: {trail.message}</p>}
      {trail.status === "ready" && (
        <section aria-labelledby="trail-heading">
          <ChainStatus chain={trail.value.chain} />
          <div className="section-heading">
            <h2 id="trail-heading">
              {trail.value.events.length} {trail.value.events.length === 1 ? "entry" : "entries"}
            </h2>
            <a className="button-link" href={auditLogCsvUrl(filter)} download>
              Download CSV
            </a>
          </div>
          <TrailTable events={trail.value.events} />
        </section>
      )}
    </main>
  );
}
