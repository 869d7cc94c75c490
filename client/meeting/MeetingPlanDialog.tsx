/**
 * The chair plans the meeting: its length, each case's budget (empty: an even share of what is
 * left) and each case's status. Saved together; a change to the budget of the case on the timer
 * moves the timer too.
 */
import { useState } from "react";
import { CASE_STATUS_TITLES, CASE_STATUSES, type CaseStatus, caseBudgets } from "../../shared/meeting/index.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { changeCaseBudget, changeCaseStatus, changeMeetingLength, DEFAULT_MINUTES_PER_CASE } from "./chairActions.ts";
import { useMeetingContext } from "./MeetingContext.tsx";
import { formatMinutes } from "./timeFormat.ts";

interface MeetingPlanDialogProps {
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  onSaved: () => void;
}

export function MeetingPlanDialog({ open, onClose, afterClose, onSaved }: MeetingPlanDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} labelledBy="plan-title" describedBy="plan-what" afterClose={afterClose} className="wide">
      <MeetingPlanForm onClose={onClose} onSaved={onSaved} />
    </Dialog>
  );
}

const MAX_MINUTES = 24 * 60;

function MeetingPlanForm({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { doc, meeting, cases } = useMeetingContext();
  const ids = cases.map((c) => c.id);
  const [length, setLength] = useState(String(meeting.lengthMinutes ?? DEFAULT_MINUTES_PER_CASE * cases.length));
  const [budgets, setBudgets] = useState<Record<string, string>>(() =>
    Object.fromEntries(ids.map((id) => [id, meeting.budgets[id] === undefined ? "" : String(meeting.budgets[id])])),
  );
  const [statuses, setStatuses] = useState<Record<string, CaseStatus>>(() =>
    Object.fromEntries(ids.map((id) => [id, meeting.statuses[id] ?? "not-started"])),
  );
  const minutes = (text: string) => (text.trim() === "" ? undefined : Math.min(MAX_MINUTES, Math.max(0, Math.round(Number(text)))));
  // What an empty budget would come to, with the values in the form.
  const preview = caseBudgets(
    {
      ...meeting,
      lengthMinutes: minutes(length) ?? 0,
      budgets: Object.fromEntries(
        Object.entries(budgets).flatMap(([id, text]) => (minutes(text) === undefined ? [] : [[id, minutes(text) as number]])),
      ),
    },
    ids,
  );
  const planned = ids.reduce((sum, id) => sum + preview[id], 0);
  const total = minutes(length) ?? 0;

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    doc.transact(() => {
      changeMeetingLength(doc, ids, total);
      for (const id of ids) {
        const value = minutes(budgets[id] ?? "");
        if (value !== meeting.budgets[id]) changeCaseBudget(doc, ids, id, value);
        const status = statuses[id];
        if (status && status !== (meeting.statuses[id] ?? "not-started")) changeCaseStatus(doc, id, status);
      }
    });
    onSaved();
    onClose();
  };

  return (
    <form className="dialog-body meeting-plan" onSubmit={save}>
      <h2 id="plan-title">Plan the meeting</h2>
      <p id="plan-what">
        Cases without a budget of their own share what is left of the meeting evenly. Everyone sees the budgets and statuses in the agenda.
      </p>
      <div className="field">
        <label htmlFor="plan-length">Meeting length (minutes)</label>
        <input
          id="plan-length"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_MINUTES}
          step={1}
          required
          value={length}
          onChange={(event) => setLength(event.target.value)}
        />
      </div>
      <div className="table-scroll">
        <table className="data-table plan-table">
          <caption className="visually-hidden">Budget and status of each case</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Budget (minutes)</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((item) => (
              <tr key={item.id}>
                <th scope="row" id={`plan-case-${item.id}`}>
                  {item.label}
                </th>
                <td>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={MAX_MINUTES}
                    step={1}
                    aria-label={`Budget of ${item.label} in minutes`}
                    aria-describedby={`plan-share-${item.id}`}
                    placeholder={String(preview[item.id])}
                    value={budgets[item.id] ?? ""}
                    onChange={(event) => setBudgets((b) => ({ ...b, [item.id]: event.target.value }))}
                  />
                  <span className="hint" id={`plan-share-${item.id}`}>
                    {budgets[item.id]?.trim() ? "set by hand" : `even share: ${formatMinutes(preview[item.id])}`}
                  </span>
                </td>
                <td>
                  <select
                    aria-label={`Status of ${item.label}`}
                    value={statuses[item.id]}
                    onChange={(event) => setStatuses((s) => ({ ...s, [item.id]: event.target.value as CaseStatus }))}
                  >
                    {CASE_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {CASE_STATUS_TITLES[status]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={planned > total ? "notice warning" : "hint"}>
        Planned: {formatMinutes(planned)} of {formatMinutes(total)}
        {planned > total ? ": the budgets add up to more than the meeting." : "."}
      </p>
      <div className="button-row">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save plan
        </button>
      </div>
    </form>
  );
}
