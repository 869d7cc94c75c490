/** Reopening a frozen audit: the chair gives a reason, which goes into the audit trail. */
import { type FormEvent, useState } from "react";
import { SNAPSHOT_LIMITS } from "../../../shared/validation/limits.ts";
import { messageOf } from "../../api/client.ts";
import { snapshotApi } from "../../api/snapshots.ts";
import { Dialog } from "../../ui/Dialog.tsx";

interface ReopenDialogProps {
  auditId: string;
  open: boolean;
  onClose: () => void;
  onReopened: (reason: string) => void;
  afterClose: () => void;
}

export function ReopenDialog({ auditId, open, onClose, onReopened, afterClose }: ReopenDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} labelledBy="reopen-title" describedBy="reopen-what" afterClose={afterClose}>
      <ReopenForm auditId={auditId} onClose={onClose} onReopened={onReopened} />
    </Dialog>
  );
}

function ReopenForm({ auditId, onClose, onReopened }: Omit<ReopenDialogProps, "open" | "afterClose">) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [reason, setReason] = useState("");
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) {
      setError("Give a reason for reopening the audit.");
      return;
    }
    setBusy(true);
    setError("");
    try {
      await snapshotApi.reopen(auditId, trimmed);
      onReopened(trimmed);
      onClose();
    } catch (failure) {
      setError(`The audit was not reopened: ${messageOf(failure)}`);
      setBusy(false);
    }
  }
  return (
    <form className="dialog-body" onSubmit={submit} noValidate>
      <h2 id="reopen-title">Reopen this audit?</h2>
      <p id="reopen-what">
        The chair and attendees can change the board again. The final snapshot stays exactly as it was signed off; freeze again to sign off
        a new version.
      </p>
      <div className="field">
        <label htmlFor="reopen-reason">Reason for reopening (required)</label>
        <textarea
          id="reopen-reason"
          rows={3}
          value={reason}
          required
          aria-required="true"
          aria-invalid={error && !reason.trim() ? true : undefined}
          maxLength={SNAPSHOT_LIMITS.reopenReasonChars}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <p role="alert" className={error ? "notice warning" : "notice empty"}>
        {error}
      </p>
      <div className="button-row">
        <button type="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Reopening…" : "Reopen the audit"}
        </button>
      </div>
    </form>
  );
}
