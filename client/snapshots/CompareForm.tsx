/** Picks two snapshots to compare: A (before) and B (after). The choice lives in the address. */
import { type FormEvent, useState } from "react";
import type { SnapshotMeta } from "../../shared/domain/snapshot.ts";
import { formatDateTime } from "./format.ts";

interface CompareFormProps {
  snapshots: SnapshotMeta[];
  from: string | undefined;
  to: string | undefined;
  onCompare: (from: string, to: string) => void;
}

export function CompareForm({ snapshots, from, to, onCompare }: CompareFormProps) {
  // Newest first: by default the one before the newest against the newest.
  const [a, setA] = useState(from ?? snapshots[1]?.id ?? "");
  const [b, setB] = useState(to ?? snapshots[0]?.id ?? "");
  const same = a === b;
  const option = (s: SnapshotMeta) => (
    <option key={s.id} value={s.id}>
      {s.name} ({formatDateTime(s.takenAt)})
    </option>
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!same) onCompare(a, b);
  }
  return (
    <form className="form filters compare-form" onSubmit={submit} aria-label="Choose two snapshots">
      <div className="field">
        <label htmlFor="compare-from">A: before</label>
        <select id="compare-from" value={a} onChange={(e) => setA(e.target.value)}>
          {snapshots.map(option)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="compare-to">B: after</label>
        <select id="compare-to" value={b} onChange={(e) => setB(e.target.value)}>
          {snapshots.map(option)}
        </select>
      </div>
      <button type="submit" className="primary" disabled={same} aria-describedby={same ? "compare-same" : undefined}>
        Compare
      </button>
      {same && (
        <p className="hint" id="compare-same">
          Choose two different snapshots.
        </p>
      )}
    </form>
  );
}
