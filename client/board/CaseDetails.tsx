/** The selected case's heading and details (age band, plan, summary), editable in place. */
import { type FormEvent, useState } from "react";
import { PLAN_TITLES, updateCase } from "../../shared/board/index.ts";
import { CaseFieldsInputs, readCaseForm } from "./AddCaseForm.tsx";
import { useBoard } from "./BoardContext.tsx";
import type { AgendaCase } from "./selectors.ts";

export function CaseDetails({ item }: { item: AgendaCase }) {
  const { doc, announce } = useBoard();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { fields, error: message } = readCaseForm(event.currentTarget);
    if (!fields) return setError(message);
    updateCase(doc, item.id, { ageBand: "", summary: "", ...fields });
    setEditing(false);
    setError(undefined);
    announce("Case details saved");
  }

  return (
    <header className="case-header">
      <h2 id="case-heading">{item.label}</h2>
      {editing ? (
        <form className="form compact" onSubmit={submit} aria-label={`Edit details of ${item.label}`}>
          <CaseFieldsInputs idPrefix="edit-case" initial={item} autoFocus />
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="primary">
              Save details
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <dl className="facts">
            {item.ageBand && (
              <>
                <dt>Age</dt>
                <dd>{item.ageBand}</dd>
              </>
            )}
            <dt>Plan</dt>
            <dd>{PLAN_TITLES[item.plan ?? "none"]}</dd>
          </dl>
          {item.summary && <p className="case-summary">{item.summary}</p>}
          <button type="button" onClick={() => setEditing(true)}>
            Edit case details
          </button>
        </>
      )}
    </header>
  );
}
