/**
 * Progress on an action after the freeze: the updates recorded so far (who, when, status, note)
 * and, for the chair and the owner agency, the form to record another.
 */
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ACTION_STATUSES, type ActionStatus } from "../../../shared/board/index.ts";
import type { ActionView } from "../../../shared/domain/actions.ts";
import { SNAPSHOT_LIMITS } from "../../../shared/validation/limits.ts";
import { messageOf } from "../../api/client.ts";
import { snapshotApi } from "../../api/snapshots.ts";
import { formatDateTime } from "../../snapshots/format.ts";
import { statusTitle } from "./format.ts";

export const recordButtonId = (actionId: string) => `record-progress-${actionId}`;

interface ActionProgressProps {
  auditId: string;
  action: ActionView;
  canRecord: boolean;
  formOpen: boolean;
  onToggle: () => void;
  onSaved: (saved: ActionView) => void;
}

/** The row under an action: "Progress since sign-off", the updates, and the chair's or owner's form. */
export function ActionProgress({ auditId, action, canRecord, formOpen, onToggle, onSaved }: ActionProgressProps) {
  return (
    <div className="action-progress">
      <div className="progress-line">
        <p className="progress-title">Progress since sign-off:</p>
        {action.updates.length === 0 ? (
          <p className="muted">no updates yet.</p>
        ) : (
          <ol className="progress-list" aria-label={`Updates on “${action.text}”`}>
            {action.updates.map((update) => (
              <li key={`${update.at}-${update.userId}`}>
                <strong>{statusTitle(update.status)}</strong>, {formatDateTime(update.at)}, {update.name} ({update.agency})
                {update.note && <span className="progress-note">: {update.note}</span>}
              </li>
            ))}
          </ol>
        )}
        {canRecord && !formOpen && (
          <button
            type="button"
            id={recordButtonId(action.id)}
            className="small"
            aria-label={`Record progress on “${action.text}”`}
            onClick={onToggle}
          >
            Record progress
          </button>
        )}
      </div>
      {canRecord && formOpen && <RecordProgressForm auditId={auditId} action={action} onSaved={onSaved} onCancel={onToggle} />}
    </div>
  );
}

interface RecordProgressFormProps {
  auditId: string;
  action: ActionView;
  onSaved: (saved: ActionView) => void;
  onCancel: () => void;
}

function RecordProgressForm({ auditId, action, onSaved, onCancel }: RecordProgressFormProps) {
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
