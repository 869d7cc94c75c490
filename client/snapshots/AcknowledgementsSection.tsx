/**
 * "Read and acknowledged": a member records it for the agency of their membership (once per
 * agency); everyone sees who has; the chair also sees which of the audit's agencies have not.
 */
import { useState } from "react";
import type { AuditView } from "../../shared/domain/audit.ts";
import type { Acknowledgement } from "../../shared/domain/snapshot.ts";
import { messageOf } from "../api/client.ts";
import { snapshotApi } from "../api/snapshots.ts";
import { formatDateTime } from "./format.ts";

interface AcknowledgementsSectionProps {
  audit: AuditView;
  snapshotId: string;
  acknowledgements: Acknowledgement[];
  onChanged: (message: string) => void;
  onError: (message: string) => void;
}

export function AcknowledgementsSection({ audit, snapshotId, acknowledgements, onChanged, onError }: AcknowledgementsSectionProps) {
  const mine = audit.access.agency;
  const myAck = mine ? acknowledgements.find((a) => a.agency === mine.id) : undefined;
  const isChair = audit.access.role === "chair";
  return (
    <section aria-labelledby="acks-heading">
      <h3 id="acks-heading">Read and acknowledged</h3>
      {mine && (
        <div className="my-ack">
          {myAck ? (
            <p className="notice success">
              <span aria-hidden="true">✓ </span>
              {mine.name}: read and acknowledged by {myAck.by.name} on {formatDateTime(myAck.at)}.
            </p>
          ) : (
            <AcknowledgeButton auditId={audit.id} snapshotId={snapshotId} agency={mine.name} onDone={onChanged} onError={onError} />
          )}
        </div>
      )}
      {isChair ? (
        <AgencyAckTable audit={audit} acknowledgements={acknowledgements} />
      ) : acknowledgements.length === 0 ? (
        <p className="muted">No agency has acknowledged this snapshot yet.</p>
      ) : (
        <>
          <p className="ack-list-title" id="ack-list-title">
            Acknowledged so far:
          </p>
          <ul className="ack-list" aria-labelledby="ack-list-title">
            {acknowledgements.map((ack) => (
              <li key={ack.agency}>
                <strong>{ack.by.agency}</strong>: {ack.by.name}, {formatDateTime(ack.at)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface AcknowledgeButtonProps {
  auditId: string;
  snapshotId: string;
  agency: string;
  onDone: (message: string) => void;
  onError: (message: string) => void;
}

function AcknowledgeButton({ auditId, snapshotId, agency, onDone, onError }: AcknowledgeButtonProps) {
  const [busy, setBusy] = useState(false);
  async function acknowledge() {
    setBusy(true);
    try {
      await snapshotApi.acknowledge(auditId, snapshotId);
      onDone(`Recorded: ${agency} has read and acknowledged this snapshot.`);
    } catch (error) {
      onError(`Not recorded: ${messageOf(error)}`);
      setBusy(false);
    }
  }
  return (
    <>
      <p className="hint" id="ack-hint">
        Records, with your name and the time, that {agency} has read this version. It does not change the snapshot.
      </p>
      <button type="button" className="primary" aria-describedby="ack-hint" disabled={busy} onClick={acknowledge}>
        Read and acknowledged
      </button>
    </>
  );
}

/** The chair's view: every agency of the audit (and any other that acknowledged), have or have not. */
function AgencyAckTable({ audit, acknowledgements }: { audit: AuditView; acknowledgements: Acknowledgement[] }) {
  const byAgency = new Map(acknowledgements.map((a) => [a.agency, a]));
  const rows = [
    ...audit.agencies.map((agency) => ({ id: agency.id, name: agency.name })),
    ...acknowledgements
      .filter((a) => !audit.agencies.some((agency) => agency.id === a.agency))
      .map((a) => ({ id: a.agency, name: a.by.agency })),
  ];
  const missing = rows.filter((row) => !byAgency.has(row.id)).length;
  return (
    <>
      <p className={missing > 0 ? "ack-summary pending" : "ack-summary done"}>
        {rows.length - missing} of {rows.length} agencies have acknowledged{missing > 0 ? `; ${missing} not yet` : ""}.
      </p>
      <table className="data-table ack-table">
        <caption className="visually-hidden">Acknowledgements by agency</caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Acknowledged</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const ack = byAgency.get(row.id);
            return (
              <tr key={row.id} className={ack ? "acked" : "not-acked"}>
                <th scope="row">{row.name}</th>
                <td>
                  {ack ? (
                    <>
                      <span className="ack-yes">Yes</span>, {ack.by.name}, {formatDateTime(ack.at)}
                    </>
                  ) : (
                    <span className="ack-no">Not yet</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
