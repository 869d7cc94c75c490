/** The selected case's heading and details (age band, plan, summary), editable in place. */
import { useState } from "react";
import { PLAN_TITLES, updateCase } from "../../shared/board/index.ts";
import { useBoard } from "./BoardContext.tsx";
import { LazyCaseForm } from "./LazyCaseForm.tsx";
import type { AgendaCase } from "./selectors.ts";

export function CaseDetails({ item }: { item: AgendaCase }) {
  const { doc, announce, readOnly } = useBoard();
  const [editing, setEditing] = useState(false);

  return (
    <header className="case-header">
      <h2 id="case-heading">{item.label}</h2>
      {editing && !readOnly ? (
        <LazyCaseForm
          label={`Edit details of ${item.label}`}
          idPrefix="edit-case"
          initial={item}
          submitText="Save details"
          onSubmit={(fields) => {
            // Fields left empty in the form are cleared on the case.
            updateCase(doc, item.id, { ageBand: "", summary: "", ...fields });
            setEditing(false);
            announce("Case details saved");
          }}
          onCancel={() => setEditing(false)}
        />
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
          {!readOnly && (
            <button type="button" onClick={() => setEditing(true)}>
              Edit case details
            </button>
          )}
        </>
      )}
    </header>
  );
}
