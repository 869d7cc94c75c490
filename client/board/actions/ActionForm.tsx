/**
 * "Action details" of an action card. Every change is written to the live document at once (one
 * key per field, so two people can fill in different fields together); there is nothing to save.
 * The SMART warnings update as fields are filled and are announced politely.
 */
import { useEffect, useReducer, useRef } from "react";
import {
  ACTION_STATUSES,
  type ActionFields,
  actionWarnings,
  clearAction,
  orderedCardIds,
  PRIORITIES,
  readCard,
  readCardMeta,
  setAction,
} from "../../../shared/board/index.ts";
import { LIMITS } from "../../../shared/validation/limits.ts";
import { useDocVersion } from "../../collab/useDocVersion.ts";
import { agencyChoices } from "../agencyNames.ts";
import { useBoardStatic } from "../BoardContext.tsx";
import { isDateInput, PRIORITY_TITLES, statusTitle } from "./format.ts";

interface ActionFormProps {
  cardId: string;
  caseId: string;
  onClose: () => void;
}

/** Findings are chosen by their text; long ones are cut so the list stays readable. */
function shorten(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function ActionForm({ cardId, caseId, onClose }: ActionFormProps) {
  const { doc, audit, user, announce } = useBoardStatic();
  // Findings' texts change while the form is open; the form is one per person, so this is cheap.
  useDocVersion(doc);
  // Writes are synchronous: re-render in the same event so controlled fields never flicker back.
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const formRef = useRef<HTMLFieldSetElement>(null);
  // Opening the details puts the keyboard in the first field.
  useEffect(() => formRef.current?.querySelector("select")?.focus(), []);

  const action = readCardMeta(doc, cardId)?.action;
  if (!action) return null;
  const id = (field: string) => `action-${cardId}-${field}`;
  const change = (fields: Partial<Record<keyof ActionFields, string>>) => {
    setAction(doc, cardId, fields as Parameters<typeof setAction>[2]);
    refresh();
  };
  const findings = orderedCardIds(doc, caseId, "worried").map(({ id: findingId }) => ({
    id: findingId,
    text: shorten(readCard(doc, findingId)?.text ?? "") || "(empty card)",
  }));
  const warnings = actionWarnings(action);

  return (
    <fieldset
      className="action-form"
      ref={formRef}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.stopPropagation();
        onClose();
      }}
    >
      <legend>Action details</legend>
      <div className="field">
        <label htmlFor={id("owner")}>Owner agency</label>
        <select id={id("owner")} value={action.ownerAgency ?? ""} onChange={(e) => change({ ownerAgency: e.target.value })}>
          <option value="">Not set</option>
          {agencyChoices(audit, user, action.ownerAgency).map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id("lead")}>Lead (name or role)</label>
        <input
          id={id("lead")}
          value={action.lead ?? ""}
          maxLength={LIMITS.shortTextChars}
          autoComplete="off"
          onChange={(e) => change({ lead: e.target.value })}
          onBlur={(e) => {
            const trimmed = e.target.value.trim();
            if (trimmed !== e.target.value) change({ lead: trimmed });
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={id("due")}>Due date</label>
        <input
          id={id("due")}
          type="date"
          value={action.dueDate ?? ""}
          onChange={(e) => {
            if (isDateInput(e.target.value)) change({ dueDate: e.target.value });
          }}
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={id("priority")}>Priority</label>
          <select id={id("priority")} value={action.priority ?? ""} onChange={(e) => change({ priority: e.target.value })}>
            <option value="">Not set</option>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {PRIORITY_TITLES[priority]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("status")}>Status</label>
          <select id={id("status")} value={action.status} onChange={(e) => change({ status: e.target.value })}>
            {ACTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusTitle(status)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={id("answers")}>Answers finding</label>
        <select id={id("answers")} value={action.answers ?? ""} onChange={(e) => change({ answers: e.target.value })}>
          <option value="">None chosen</option>
          {findings.map((finding) => (
            <option key={finding.id} value={finding.id}>
              {finding.text}
            </option>
          ))}
          {action.answers && !findings.some((f) => f.id === action.answers) && (
            <option value={action.answers}>(a finding no longer in this case)</option>
          )}
        </select>
        {findings.length === 0 && <p className="hint">This case has no “What are we worried about” cards yet.</p>}
      </div>
      <div aria-live="polite">
        {warnings.length > 0 ? (
          <p className="smart-warning">
            <span aria-hidden="true">⚠ </span>
            <strong>Not SMART yet:</strong> {warnings.join("; ")}. You can still leave it like this.
          </p>
        ) : (
          <p className="hint">Owner agency and due date set.</p>
        )}
      </div>
      <div className="button-row wrap">
        <button type="button" onClick={onClose}>
          Close details
        </button>
        <button
          type="button"
          onClick={() => {
            clearAction(doc, cardId);
            announce("The card is no longer an action");
            onClose();
          }}
        >
          Stop being an action
        </button>
      </div>
    </fieldset>
  );
}
