/** "Freeze and sign off": says what it does before the chair confirms. */
import { useState } from "react";
import { messageOf } from "../../api/client.ts";
import { snapshotApi } from "../../api/snapshots.ts";
import { Dialog } from "../../ui/Dialog.tsx";

interface FreezeDialogProps {
  auditId: string;
  open: boolean;
  onClose: () => void;
  onFrozen: (result: { snapshotId: string; sha256: string }) => void;
  afterClose: () => void;
}

export function FreezeDialog({ auditId, open, onClose, onFrozen, afterClose }: FreezeDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} labelledBy="freeze-title" describedBy="freeze-what" afterClose={afterClose}>
      <FreezeConfirm auditId={auditId} onClose={onClose} onFrozen={onFrozen} />
    </Dialog>
  );
}

function FreezeConfirm({ auditId, onClose, onFrozen }: Omit<FreezeDialogProps, "open" | "afterClose">) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  async function freeze() {
    setBusy(true);
    setError("");
    try {
      const result = await snapshotApi.freeze(auditId);
      onFrozen(result);
      onClose();
    } catch (failure) {
      setError(`The audit was not frozen: ${messageOf(failure)}`);
      setBusy(false);
    }
  }
  return (
    <div className="dialog-body">
      <h2 id="freeze-title">Freeze and sign off this audit?</h2>
      <div id="freeze-what">
        <p>This takes the final, signed-off snapshot of the board as it is now, recorded with your name and the time.</p>
        <p>
          The board becomes <strong>read-only for everyone</strong> at once. A change someone is typing that has not reached the server yet
          is not saved, and its author is told.
        </p>
        <p>You can reopen the audit later, giving a reason. Both are recorded in the audit trail.</p>
      </div>
      <p role="alert" className={error ? "notice warning" : "notice empty"}>
        {error}
      </p>
      <div className="button-row">
        <button type="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={freeze} disabled={busy}>
          {busy ? "Freezing…" : "Freeze and sign off"}
        </button>
      </div>
    </div>
  );
}
