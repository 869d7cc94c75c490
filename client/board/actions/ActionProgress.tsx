/**
 * Progress on an action after the freeze: the updates recorded so far (who, when, status, note)
 * and, for the chair and the owner agency, the form to record another.
 */
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ACTION_STATUSES, type ActionStatus } from "../../../shared/board/index.ts";
import type { ActionView } from "../../../shared/domain/actions.ts";
import { SNAPSHOT_LIMITS } from "../../../shared/validation/snapshot.ts";
import { messageOf } from "../../api/client.ts";
import { snapshotApi } from "../../api/snapshots.ts";
import { formatDateTime } from "../../snapshots/format.ts";
import { statusTitle } from "./format.ts";

export const recordButtonId = (actionId: string) => `record-progress-${actionId}`;

interface ProgressCellProps {
  action: ActionView;
  canRecord: boolean;
  formOpen: boolean;
  onToggle: () => void;
}

export function ProgressCell({ action, canRecord, formOpen, onToggle }: ProgressCellProps) {
  return (
    <>
      {action.updates.length === 0 ? (
        <p className="muted">No updates yet</p>
      ) : (
        <ol className="progress-list" aria-label={`Updates on “${action.text}”`}>
          {action.updates.map((update) => (
            <li key={`${update.at}-${update.userId}`}>
              <p className="progress-head">
                <strong>{statusTitle(update.status)}</strong> · {formatDateTime(update.at)}
              </p>
              <p className="progress-by">
                {update.name} ({update.agency})
              </p>
              {update.note && <p className="progress-note">{update.note}</p>}
            </li>
          ))}
        </ol>
      )}
      {canRecord && (
        <button
          type="button"
          id={recordButtonId(action.id)}
          className="small"
          aria-expanded={formOpen}
          aria-label={`Record progress on “${action.text}”`}
          onClick={onToggle}
        >
          Record progress
        </button>
      )}
    </>
  );
}

interface RecordProgressFormProps {
  auditId: string;
  action: ActionView;
  onSaved: (saved: ActionView) => void;
  onCancel: () => void;
}

export function RecordProgressForm({ auditId, action, onSaved, onCancel }: RecordProgressFormProps) {
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const id = (field: string) => `progress-${action.id}-${field}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = note.trim();
    if (status === action.status && !trimmed) {
      setError("Change the status or write a note.");
      return;
    }
    setBusy(true);
    setError("");
    try {
      onSaved(await snapshotApi.updateAction(auditId, action.id, { status, ...(trimmed ? { note: trimmed } : {}) }));
    } catch (failure) {
      setError(`Not recorded: ${messageOf(failure)}`);
      setBusy(false);
    }
  }

  return (
    <form
      className="form compact progress-form"
      onSubmit={submit}
      aria-label={`Progress on “${action.text}”`}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={id("status")}>Status</label>
          <select id={id("status")} ref={first} value={status} onChange={(e) => setStatus(e.target.value as ActionStatus)}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusTitle(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("note")}>Progress or completion note</label>
          <textarea
            id={id("note")}
            rows={2}
            value={note}
            maxLength={SNAPSHOT_LIMITS.actionNoteChars}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      </div>
      <p role="alert" className={error ? "error" : "visually-hidden"}>
        {error}
      </p>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Recording…" : "Record"}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
