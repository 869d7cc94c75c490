/** The snapshots of an audit, newest first: name (opens it), kind, who took it, when, SHA-256. */
import { Link } from "react-router";
import type { SnapshotMeta } from "../../shared/domain/snapshot.ts";
import { formatDateTime, KIND_TITLES, signerText, snapshotPath } from "./format.ts";
import { HashText } from "./HashText.tsx";

export function SnapshotTable({ auditId, snapshots }: { auditId: string; snapshots: SnapshotMeta[] }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard to scroll it.
    <section className="table-scroll" aria-label="Snapshots table" tabIndex={0}>
      <table className="data-table snapshot-table">
        <caption className="visually-hidden">Snapshots, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Taken by</th>
            <th scope="col">When</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {snapshots.map((snapshot) => (
            <tr key={snapshot.id}>
              <th scope="row">
                <Link to={snapshotPath(auditId, snapshot.id)}>{snapshot.name}</Link>
              </th>
              <td>
                <span className={`kind-badge kind-${snapshot.kind}`}>{KIND_TITLES[snapshot.kind]}</span>
              </td>
              <td>{signerText(snapshot.takenBy)}</td>
              <td className="nowrap">{formatDateTime(snapshot.takenAt)}</td>
              <td className="hash-cell">
                <HashText sha256={snapshot.sha256} of={snapshot.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
