/** Changes an account's name, agency and admin rights. */
import { type FormEvent, useEffect, useRef } from "react";
import type { UserView } from "../../shared/domain/account.ts";
import type { Agency } from "../../shared/domain/agencies.ts";
import type { UpdateUserInput } from "../../shared/validation/account.ts";
import { LIMITS } from "../../shared/validation/limits.ts";
import { AgencyField, readAgency } from "../ui/AgencyField.tsx";

interface EditUserFormProps {
  user: UserView;
  agencies: Agency[];
  busy: boolean;
  /** The server's refusal of the last save, if any. */
  error: string;
  onSave: (input: UpdateUserInput, done: string) => Promise<boolean>;
  onCancel: () => void;
}

export function EditUserForm({ user, agencies, busy, error, onSave, onCancel }: EditUserFormProps) {
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);
  const prefix = `edit-${user.id}`;
  const listed = agencies.some((a) => a.id === user.agency.id);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input: UpdateUserInput = {
      name: String(data.get("name") ?? "").trim(),
      agency: readAgency(data, "agency") ?? user.agency.id,
      admin: data.get("admin") === "on",
    };
    void onSave(input, `${input.name}'s account saved.`);
  }

  return (
    <form className="form compact" onSubmit={submit} aria-label={`Edit ${user.name}`} noValidate>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${prefix}-name`}>Full name</label>
          <input id={`${prefix}-name`} ref={nameRef} name="name" required maxLength={LIMITS.displayNameChars} defaultValue={user.name} />
        </div>
        <AgencyField
          idPrefix={`${prefix}-agency`}
          label="Agency"
          name="agency"
          agencies={agencies}
          defaultValue={listed || agencies.length === 0 ? user.agency.id : user.agency.name}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" name="admin" defaultChecked={user.admin} /> Admin
      </label>
      {error && (
        <p className="notice warning" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Save changes
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
