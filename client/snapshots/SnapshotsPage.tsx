/**
 * /audits/:id/snapshots: every snapshot of an audit (any member), the freeze state, the chair's
 * "take a snapshot", and the comparison of two (?from=&to=, so it can be linked and reloaded).
 */
import { Link, useParams, useSearchParams } from "react-router";
import { api } from "../api/client.ts";
import { snapshotApi } from "../api/snapshots.ts";
import { useAsync, useReloadable } from "../app/useAsync.ts";
import { usePageTitle } from "../app/usePageTitle.ts";
import { StatusLine, useStatusLine } from "../ui/StatusLine.tsx";
import { UnavailablePage } from "../ui/UnavailablePage.tsx";
import { CompareForm } from "./CompareForm.tsx";
import { FreezeSummary } from "./FreezeSummary.tsx";
import { SnapshotDiffView } from "./SnapshotDiffView.tsx";
import { SnapshotTable } from "./SnapshotTable.tsx";
import { TakeSnapshotForm } from "./TakeSnapshotForm.tsx";

export function SnapshotsPage() {
  const { auditId = "" } = useParams();
  const audit = useAsync(() => api.getAuditMeta(auditId), [auditId]);
  const snapshots = useReloadable(() => snapshotApi.list(auditId), [auditId]);
  const [params, setParams] = useSearchParams();
  const from = params.get("from") ?? undefined;
  const to = params.get("to") ?? undefined;
  const line = useStatusLine();
  const title = audit.status === "ready" ? audit.value.title : "Audit";
  usePageTitle(`Snapshots of ${title}`);

  if (audit.status === "loading") return <p className="page">Loading audit…</p>;
  if (audit.status === "error") return <UnavailablePage message={audit.message} />;
  const meta = audit.value;
  const list = snapshots.state.status === "ready" ? snapshots.state.value : [];

  return (
    <main className="page wide" id="main">
      <p className="breadcrumbs">
        <Link to="/">Audits</Link> › <Link to={`/audits/${auditId}`}>{title}</Link>
      </p>
      <h1>Snapshots of “{title}”</h1>
      <p className="hint">
        A snapshot is a copy of the board that never changes, with a SHA-256 over its content so anyone can check that what they read is
        what was taken. The final one is taken when the chair freezes and signs off the audit.
      </p>
      <FreezeSummary auditId={auditId} freeze={meta.freeze} />
      <StatusLine status={line.status} error={line.error} />
      {meta.access.role === "chair" && !meta.freeze.frozen && (
        <section aria-labelledby="take-heading">
          <h2 id="take-heading">Take a snapshot</h2>
          <TakeSnapshotForm
            auditId={auditId}
            idPrefix="page"
            onTaken={(taken) => {
              line.say(`Snapshot “${taken.name}” taken, SHA-256 ${taken.sha256}.`);
              snapshots.reload();
            }}
            onError={line.fail}
          />
        </section>
      )}
      <section aria-labelledby="snapshots-heading">
        <h2 id="snapshots-heading">{list.length === 1 ? "1 snapshot" : `${list.length} snapshots`}</h2>
        {snapshots.state.status === "loading" && <p>Loading snapshots…</p>}
        {snapshots.state.status === "error" && <p role="alert">Could not load the snapshots: {snapshots.state.message}</p>}
        {snapshots.state.status === "ready" && list.length === 0 && <p>No snapshots yet. The chair takes them from the board.</p>}
        {list.length > 0 && <SnapshotTable auditId={auditId} snapshots={list} />}
      </section>
      {list.length >= 2 && (
        <section aria-labelledby="compare-heading">
          <h2 id="compare-heading">Compare two snapshots</h2>
          <CompareForm
            key={list.length}
            snapshots={list}
            from={from}
            to={to}
            onCompare={(a, b) => setParams({ from: a, to: b }, { replace: true })}
          />
          {from && to && <DiffLoader auditId={auditId} from={from} to={to} agencies={meta.agencies} />}
        </section>
      )}
    </main>
  );
}

function DiffLoader({
  auditId,
  from,
  to,
  agencies,
}: {
  auditId: string;
  from: string;
  to: string;
  agencies: Parameters<typeof SnapshotDiffView>[0]["agencies"];
}) {
  const diff = useAsync(() => snapshotApi.diff(auditId, from, to), [auditId, from, to]);
  if (diff.status === "loading") return <p role="status">Comparing…</p>;
  if (diff.status === "error") return <p role="alert">Could not compare these snapshots: {diff.message}</p>;
  return <SnapshotDiffView diff={diff.value} agencies={agencies} />;
}
