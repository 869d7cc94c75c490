/**
 * "Raise immediate concern" on a case: what the concern is, which agency must act, who, and by
 * when (24 hours from now unless changed). It goes on the board at once: a banner on the case,
 * the chair's list of concerns, the top of the action plan.
 */
import { useState } from "react";
import { raiseConcern } from "../../../shared/board/index.ts";
import { LIMITS } from "../../../shared/validation/limits.ts";
import { Dialog } from "../../ui/Dialog.tsx";
import { knownAgencies } from "../agencyNames.ts";
import { useBoardStatic } from "../BoardContext.tsx";
import { defaultDue } from "./format.ts";

interface RaiseConcernDialogProps {
  caseId: string;
  caseLabel: string;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}

export function RaiseConcernDialog({ caseId, caseLabel, open, onClose, afterClose }: RaiseConcernDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} labelledBy="concern-title" describedBy="concern-what" afterClose={afterClose}>
      <RaiseConcernForm caseId={caseId} caseLabel={caseLabel} onClose={onClose} />
    </Dialog>
  );
}

function RaiseConcernForm({ caseId, caseLabel, onClose }: { caseId: string; caseLabel: string; onClose: () => void }) {
  const { doc, audit, user, announce } = useBoardStatic();
  const [error, setError] = useState("");
  const agencies = knownAgencies(audit, user);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const concern = String(form.get("concern") ?? "").trim();
    const agency = String(form.get("agency") ?? "");
    const due = Date.parse(String(form.get("dueAt") ?? ""));
    if (!concern || !agency) return setError("Say what the concern is and which agency must act.");
    if (Number.isNaN(due)) return setError("Give the date and time by which the agency must act.");
    raiseConcern(doc, {
      caseId,
      concern,
      agency,
      who: String(form.get("who") ?? "").trim() || undefined,
      dueAt: new Date(due).toISOString(),
      raisedBy: user.name,
      raisedByAgency: user.agencyId,
    });
    announce(`Immediate concern raised on ${caseLabel}`);
    onClose();
  };

  return (
    <form className="dialog-body concern-form" onSubmit={submit} noValidate>
      <h2 id="concern-title">Raise an immediate concern: {caseLabel}</h2>
      <p id="concern-what">
        For a current risk to a child found during the audit. It is shown on the case, listed for the chair and put at the top of the action
        plan as urgent. Use roles, not names.
      </p>
      <div className="field">
        <label htmlFor="concern-text">What is the concern?</label>
        <textarea id="concern-text" name="concern" rows={3} required maxLength={LIMITS.cardTextChars} />
      </div>
      <div className="field">
        <label htmlFor="concern-agency">Agency that must act</label>
        <select id="concern-agency" name="agency" required defaultValue="">
          <option value="" disabled>
            Choose an agency
          </option>
          {agencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="concern-who">Who (role or team, optional)</label>
        <input id="concern-who" name="who" maxLength={LIMITS.shortTextChars} placeholder="e.g. duty social worker" />
      </div>
      <div className="field">
        <label htmlFor="concern-due">By when</label>
        <p className="hint" id="concern-due-hint">
          24 hours from now unless you change it.
        </p>
        <input
          id="concern-due"
          name="dueAt"
          type="datetime-local"
          required
          defaultValue={defaultDue()}
          aria-describedby="concern-due-hint"
        />
      </div>
      <p role="alert" className={error ? "notice warning" : "notice empty"}>
        {error}
      </p>
      <div className="button-row">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="danger">
          Raise concern
        </button>
      </div>
    </form>
  );
}
