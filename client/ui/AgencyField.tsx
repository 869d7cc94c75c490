/**
 * Picks an agency: one from a list, or "Another agency" typed in. The API takes either an agency
 * id or any other agency name, so the form sends whichever the person chose (see readAgency).
 */
import { useState } from "react";
import type { Agency } from "../../shared/domain/agencies.ts";
import { LIMITS } from "../../shared/validation/limits.ts";

const OTHER = "__other__";

interface AgencyFieldProps {
  idPrefix: string;
  label: string;
  /** Form field name; the typed name goes in `${name}Other`. */
  name: string;
  agencies: readonly Agency[];
  /** An agency id, or a name not in the list. */
  defaultValue?: string;
  /** Text of the empty choice, when the field may be left empty (e.g. "Their own agency"). */
  emptyChoice?: string;
  hint?: string;
}

export function AgencyField({ idPrefix, label, name, agencies, defaultValue, emptyChoice, hint }: AgencyFieldProps) {
  const known = defaultValue === undefined || agencies.some((a) => a.id === defaultValue);
  const [choice, setChoice] = useState(known ? (defaultValue ?? "") : OTHER);
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={`${idPrefix}-select`}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <select
        id={`${idPrefix}-select`}
        name={name}
        value={choice}
        required={emptyChoice === undefined}
        aria-describedby={hintId}
        onChange={(event) => setChoice(event.target.value)}
      >
        <option value="" disabled={emptyChoice === undefined}>
          {emptyChoice ?? "Choose an agency"}
        </option>
        {agencies.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
          </option>
        ))}
        <option value={OTHER}>Another agency…</option>
      </select>
      {choice === OTHER && (
        <>
          <label htmlFor={`${idPrefix}-other`}>Name of the agency</label>
          <input
            id={`${idPrefix}-other`}
            name={`${name}Other`}
            required
            maxLength={LIMITS.agencyNameChars}
            defaultValue={known ? undefined : defaultValue}
          />
        </>
      )}
    </div>
  );
}

/** The agency a form's AgencyField holds: an id, a typed name, or undefined when left empty. */
export function readAgency(form: FormData, name: string): string | undefined {
  const choice = String(form.get(name) ?? "");
  if (choice === OTHER) return String(form.get(`${name}Other`) ?? "").trim() || undefined;
  return choice || undefined;
}
