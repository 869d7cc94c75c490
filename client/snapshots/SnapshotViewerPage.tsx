/**
 * /audits/:id/snapshots/:sid: one snapshot, read-only, for any member. Its SHA-256 checked in the
 * browser, the learning summary as the server renders it, downloads, and the agencies' review.
 */
import { useState } from "react";
import { Link, useParams } from "react-router";
import { api } from "../api/client.ts";
import { snapshotApi, summaryUrl } from "../api/snapshots.ts";
import { useAsync, useReloadable } from "../app/useAsync.ts";
import { usePageTitle } from "../app/usePageTitle.ts";
import { DownloadsPanel } from "./DownloadsPanel.tsx";
import { formatDateTime, KIND_TITLES, signerText, snapshotPath } from "./format.ts";
import { HashCheckPanel } from "./HashCheckPanel.tsx";
import { ReviewPanel } from "./ReviewPanel.tsx";
import { SummaryFrame } from "./SummaryFrame.tsx";

export function SnapshotViewerPage() {
  const { auditId = "", snapshotId = "" } = useParams();
  const audit = useAsync(() => api.getAuditMeta(auditId), [auditId]);
  const snapshot = useReloadable(() => snapshotApi.get(auditId, snapshotId), [auditId, snapshotId]);
  // The summary page lists acknowledgements and addenda too: it is fetched again after a change.
  const [frameVersion, setFrameVersion] = useState(0);
  const title = audit.status === "ready" ? audit.value.title : "Audit";
  const name = snapshot.state.status === "ready" ? snapshot.state.value.name : "Snapshot";
  usePageTitle(`${name} – ${title}`);

  const failed = audit.status === "error" ? audit.message : snapshot.state.status === "error" ? snapshot.state.message : undefined;
  if (failed) {
    return (
      <main className="page narrow" id="main">
        <h1>Snapshot not available</h1>
        <p role="alert">{failed}</p>
        <p>
          <Link to={snapshotPath(auditId)}>All snapshots of this audit</Link>
        </p>
      </main>
    );
  }
  if (audit.status !== "ready" || snapshot.state.status !== "ready") return <p className="page">Loading snapshot…</p>;
  const meta = audit.value;
  const snap = snapshot.state.value;
  const final = snap.kind === "freeze";

  return (
    <main className="page wide snapshot-viewer" id="main">
      <p className="breadcrumbs">
        <Link to="/">Audits</Link> › <Link to={`/audits/${auditId}`}>{title}</Link> › <Link to={snapshotPath(auditId)}>Snapshots</Link>
      </p>
      <h1>
        {snap.name} <span className={`kind-badge kind-${snap.kind}`}>{KIND_TITLES[snap.kind]}</span>
      </h1>
      <p className="snapshot-byline">
        {final ? "Signed off" : "Taken"} by {signerText(snap.takenBy)} on {formatDateTime(snap.takenAt)}. A snapshot never changes: this is
        the board as it was then.
      </p>
      <HashCheckPanel snapshot={snap} />
      <div className="viewer-layout">
        <section className="viewer-summary" aria-labelledby="summary-heading">
          <h2 id="summary-heading" className="visually-hidden">
            Learning summary
          </h2>
          <SummaryFrame
            key={frameVersion}
            src={summaryUrl(auditId, snap.id, "html")}
            title={`Learning summary of “${meta.title}”, ${snap.name}`}
          />
        </section>
        <div className="viewer-side">
          <DownloadsPanel
            auditId={auditId}
            snapshotId={snap.id}
            agencies={meta.agencies}
            currentFreeze={meta.freeze.frozen && meta.freeze.snapshotId === snap.id}
          />
          <ReviewPanel
            audit={meta}
            snapshot={snap}
            onChanged={() => {
              snapshot.reload();
              setFrameVersion((v) => v + 1);
            }}
          />
        </div>
      </div>
    </main>
  );
}
