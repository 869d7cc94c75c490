/** The chair names and takes a snapshot of the live board ("after case 3"). */
import { type FormEvent, useState } from "react";
import { SNAPSHOT_LIMITS } from "../../shared/validation/limits.ts";
import { messageOf } from "../api/client.ts";
import { snapshotApi } from "../api/snapshots.ts";

export interface TakenSnapshot {
  id: string;
  name: string;
  sha256: string;
}

interface TakeSnapshotFormProps {
  auditId: string;
  /** Prefix of the form's ids (the board and the snapshots page may both show one). */
  idPrefix: string;
  onTaken: (snapshot: TakenSnapshot) => void;
  onError: (message: string) => void;
}

export function TakeSnapshotForm({ auditId, idPrefix, onTaken, onError }: TakeSnapshotFormProps) {
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState("");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    setBusy(true);
    try {
      const taken = await snapshotApi.take(auditId, trimmed);
      setName("");
      onTaken({ ...taken, name: trimmed });
    } catch (error) {
      onError(`The snapshot was not taken: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="take-snapshot" onSubmit={submit} aria-label="Take a snapshot">
      <label htmlFor={`${idPrefix}-snapshot-name`}>Snapshot name</label>
      <input
        id={`${idPrefix}-snapshot-name`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        maxLength={SNAPSHOT_LIMITS.nameChars}
        placeholder="e.g. after case 3"
        autoComplete="off"
      />
      <button type="submit" className="secondary" disabled={busy}>
        {busy ? "Taking…" : "Take snapshot"}
      </button>
    </form>
  );
}
