/** Adds a person to an audit by their account's email, with a role and, optionally, the agency they write as. */
import { type FormEvent, useState } from "react";
import { ROLE_TITLES, ROLES, type Role } from "../../shared/domain/account.ts";
import type { AuditView } from "../../shared/domain/audit.ts";
import { api, messageOf } from "../api/client.ts";
import { AgencyField, readAgency } from "../ui/AgencyField.tsx";
import { EmailField } from "../ui/fields.tsx";
import { StatusLine, useStatusLine } from "../ui/StatusLine.tsx";

interface AddMemberFormProps {
  audit: AuditView;
  /** Called after a member was added or changed, to refresh the list. */
  onAdded: () => void;
}

export function AddMemberForm({ audit, onAdded }: AddMemberFormProps) {
  const line = useStatusLine();
  const [busy, setBusy] = useState(false);
  // Remounting the form after a success empties it (the agency field keeps its own state).
  const [formKey, setFormKey] = useState(0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const role = String(data.get("role") ?? "attendee") as Role;
    const agency = readAgency(data, "agency");
    if (!email) return line.fail("Enter the email address of the person's account.");
    setBusy(true);
    try {
      const result = await api.putMember(audit.id, { email, role, agency });
      line.say(`${email} is now ${ROLE_TITLES[result.role].toLowerCase()} for ${result.agency.name}.`);
      setFormKey((k) => k + 1);
      onAdded();
    } catch (error) {
      line.fail(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <StatusLine status={line.status} error={line.error} />
      <form key={formKey} className="form" onSubmit={submit} aria-labelledby="add-member-heading" noValidate>
        <div className="field-row">
          <EmailField id="member-email" />
          <div className="field">
            <label htmlFor="member-role">Role</label>
            <select id="member-role" name="role" defaultValue="attendee">
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_TITLES[role]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <AgencyField
          idPrefix="member-agency"
          label="Writes as agency (optional)"
          name="agency"
          agencies={audit.agencies}
          emptyChoice="Their own agency"
          hint="Leave as their own agency unless they speak for another agency taking part in this audit."
        />
        <p className="hint">The person needs an account first: an admin creates accounts on the Users page.</p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Adding…" : "Add member"}
        </button>
      </form>
    </>
  );
}
