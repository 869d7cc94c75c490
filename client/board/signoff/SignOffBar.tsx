/**
 * The chair's sign-off controls on the board: take a named snapshot, freeze and sign off, and
 * reopen a frozen audit. The result (snapshot and its SHA-256) stays on screen and is announced.
 * The server allows all of this to the chair only, whatever the page shows.
 */
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { snapshotPath } from "../../snapshots/format.ts";
import { HashText } from "../../snapshots/HashText.tsx";
import { TakeSnapshotForm } from "../../snapshots/TakeSnapshotForm.tsx";
import { FreezeDialog } from "./FreezeDialog.tsx";
import { ReopenDialog } from "./ReopenDialog.tsx";

type Outcome =
  | { kind: "snapshot"; id: string; name: string; sha256: string }
  | { kind: "freeze"; id: string; sha256: string }
  | { kind: "reopen" }
  | { kind: "error"; message: string };

interface SignOffBarProps {
  auditId: string;
  frozen: boolean;
}

export function SignOffBar({ auditId, frozen }: SignOffBarProps) {
  const [outcome, setOutcome] = useState<Outcome>();
  const [dialog, setDialog] = useState<"freeze" | "reopen">();
  const freezeButton = useRef<HTMLButtonElement>(null);
  const reopenButton = useRef<HTMLButtonElement>(null);
  // The button that opened a dialog may be gone once the freeze or reopening arrives: focus the
  // one that replaced it rather than leave the keyboard on the page's body.
  const focusControl = () => (freezeButton.current ?? reopenButton.current)?.focus();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the freeze state flips.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) focusControl();
  }, [frozen]);

  return (
    <section className="signoff-bar" aria-labelledby="signoff-heading">
      <div className="signoff-controls">
        <h2 id="signoff-heading">Sign-off</h2>
        {!frozen && (
          <>
            <TakeSnapshotForm
              auditId={auditId}
              idPrefix="board"
              onTaken={(taken) => setOutcome({ kind: "snapshot", ...taken })}
              onError={(message) => setOutcome({ kind: "error", message })}
            />
            <button type="button" className="danger" ref={freezeButton} onClick={() => setDialog("freeze")}>
              Freeze and sign off…
            </button>
          </>
        )}
        {frozen && (
          <button type="button" className="secondary" ref={reopenButton} onClick={() => setDialog("reopen")}>
            Reopen…
          </button>
        )}
        <Link to={snapshotPath(auditId)}>All snapshots</Link>
      </div>
      <div role="status" className="signoff-outcome">
        {outcome && <OutcomeText auditId={auditId} outcome={outcome} />}
      </div>
      <FreezeDialog
        auditId={auditId}
        open={dialog === "freeze"}
        onClose={() => setDialog(undefined)}
        onFrozen={({ snapshotId, sha256 }) => setOutcome({ kind: "freeze", id: snapshotId, sha256 })}
        afterClose={focusControl}
      />
      <ReopenDialog
        auditId={auditId}
        open={dialog === "reopen"}
        onClose={() => setDialog(undefined)}
        onReopened={() => setOutcome({ kind: "reopen" })}
        afterClose={focusControl}
      />
    </section>
  );
}

function OutcomeText({ auditId, outcome }: { auditId: string; outcome: Outcome }) {
  if (outcome.kind === "error") return <p className="notice warning">{outcome.message}</p>;
  if (outcome.kind === "reopen") return <p className="notice success">Reopened: the board can be changed again.</p>;
  const what = outcome.kind === "freeze" ? "Signed off. Final snapshot taken" : `Snapshot “${outcome.name}” taken`;
  return (
    <p className="notice success">
      {what}, SHA-256 <HashText sha256={outcome.sha256} full />.{" "}
      <Link to={snapshotPath(auditId, outcome.id)}>{outcome.kind === "freeze" ? "Open the final snapshot" : `Open “${outcome.name}”`}</Link>
    </p>
  );
}
