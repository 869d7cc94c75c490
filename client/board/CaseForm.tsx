/**
 * Case fields form: add a case to the agenda, or edit one. Labels are pseudonyms: the form says so.
 * Loaded when first opened (LazyCaseForm.tsx): it validates with the shared zod schema, which the
 * board's first render has no use for.
 */
import { type FormEvent, useState } from "react";
import { PLAN_IDS, PLAN_TITLES, type PlanId } from "../../shared/board/index.ts";
import { CreateCaseInput, describeIssues } from "../../shared/validation/audit.ts";
import { LIMITS } from "../../shared/validation/limits.ts";

function CaseFieldsInputs({ idPrefix, initial, autoFocus }: { idPrefix: string; initial?: Partial<CreateCaseInput>; autoFocus?: boolean }) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-label`}>Case label (pseudonym)</label>
        <input
          id={`${idPrefix}-label`}
          name="label"
          required
          maxLength={LIMITS.caseLabelChars}
          defaultValue={initial?.label}
          aria-describedby={`${idPrefix}-label-hint`}
          // biome-ignore lint/a11y/noAutofocus: the form opens on request; focus goes to its first field.
          autoFocus={autoFocus}
        />
        <p className="hint" id={`${idPrefix}-label-hint`}>
          For example “Case 3” or “Gail, 13”. Never a real name.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-age`}>Age or age band</label>
        <input id={`${idPrefix}-age`} name="ageBand" maxLength={LIMITS.ageBandChars} defaultValue={initial?.ageBand} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-plan`}>Plan status</label>
        <select id={`${idPrefix}-plan`} name="plan" defaultValue={initial?.plan ?? "none"}>
          {PLAN_IDS.map((plan) => (
            <option key={plan} value={plan}>
              {PLAN_TITLES[plan]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-summary`}>Summary of concerns</label>
        <textarea id={`${idPrefix}-summary`} name="summary" rows={3} maxLength={LIMITS.caseSummaryChars} defaultValue={initial?.summary} />
      </div>
    </>
  );
}

/** Reads the case inputs of a form; returns the parsed fields or a message. */
function readCaseForm(form: HTMLFormElement): { fields?: CreateCaseInput; error?: string } {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? "").trim();
  const parsed = CreateCaseInput.safeParse({
    label: value("label"),
    ageBand: value("ageBand") || undefined,
    summary: value("summary") || undefined,
    plan: (value("plan") || undefined) as PlanId | undefined,
  });
  return parsed.success ? { fields: parsed.data } : { error: describeIssues(parsed.error) };
}

export interface CaseFormProps {
  /** Accessible name of the form, e.g. "Add a case". */
  label: string;
  idPrefix: string;
  initial?: Partial<CreateCaseInput>;
  submitText: string;
  onSubmit: (fields: CreateCaseInput) => void;
  onCancel: () => void;
}

/** The case form used both to add a case and to edit one: validates, reports, submits. */
export function CaseForm({ label, idPrefix, initial, submitText, onSubmit, onCancel }: CaseFormProps) {
  const [error, setError] = useState<string>();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { fields, error: message } = readCaseForm(event.currentTarget);
    if (!fields) return setError(message);
    setError(undefined);
    onSubmit(fields);
  }
  return (
    <form className="form compact" onSubmit={submit} aria-label={label}>
      <CaseFieldsInputs idPrefix={idPrefix} initial={initial} autoFocus />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary">
          {submitText}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
