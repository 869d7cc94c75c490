/** Dated addenda and comments beside a snapshot (who, when), and the form to add one. */
import { type FormEvent, useState } from "react";
import type { Addendum } from "../../shared/domain/snapshot.ts";
import { SNAPSHOT_LIMITS } from "../../shared/validation/limits.ts";
import { messageOf } from "../api/client.ts";
import { snapshotApi } from "../api/snapshots.ts";
import { formatDateTime } from "./format.ts";

interface AddendaSectionProps {
  auditId: string;
  snapshotId: string;
  addenda: Addendum[];
  onChanged: (message: string) => void;
  onError: (message: string) => void;
}

export function AddendaSection({ auditId, snapshotId, addenda, onChanged, onError }: AddendaSectionProps) {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    setBusy(true);
    try {
      await snapshotApi.addAddendum(auditId, snapshotId, trimmed);
      setText("");
      onChanged("Addendum added.");
    } catch (error) {
      onError(`The addendum was not added: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="addenda-heading">
      <h3 id="addenda-heading">Addenda and comments</h3>
      {addenda.length === 0 ? (
        <p className="muted">No addenda yet.</p>
      ) : (
        <ol className="addenda">
          {addenda.map((addendum) => (
            <li key={addendum.id}>
              <p className="addendum-meta">
                <strong>{formatDateTime(addendum.at)}</strong>, {addendum.by.name} ({addendum.by.agency})
              </p>
              <p className="addendum-text">{addendum.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="form compact" onSubmit={submit}>
        <div className="field">
          <label htmlFor="addendum-text">Add an addendum or comment</label>
          <p className="hint" id="addendum-hint">
            Dated and signed with your name and agency. It sits beside the snapshot and never changes it.
          </p>
          <textarea
            id="addendum-text"
            rows={4}
            required
            value={text}
            maxLength={SNAPSHOT_LIMITS.addendumChars}
            aria-describedby="addendum-hint"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" className="secondary" disabled={busy}>
          {busy ? "Adding…" : "Add addendum"}
        </button>
      </form>
    </section>
  );
}
