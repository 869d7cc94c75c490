/** A new account: email, name, agency (from the list or typed), initial password, admin or not. */
import { type FormEvent, useState } from "react";
import type { Agency } from "../../shared/domain/agencies.ts";
import { LIMITS } from "../../shared/validation/limits.ts";
import { api, messageOf } from "../api/client.ts";
import { AgencyField, readAgency } from "../ui/AgencyField.tsx";
import { EmailField, NewPasswordField } from "../ui/fields.tsx";
import { StatusLine, useStatusLine } from "../ui/StatusLine.tsx";

interface CreateUserFormProps {
  agencies: Agency[];
  /** Called after an account was created, to refresh the list. */
  onCreated: () => void;
}

export function CreateUserForm({ agencies, onCreated }: CreateUserFormProps) {
  const line = useStatusLine();
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const agency = readAgency(data, "agency");
    if (!agency) return line.fail("Choose the person's agency, or type its name.");
    setBusy(true);
    try {
      const user = await api.createUser({
        email: text("email"),
        name: text("name"),
        agency,
        password: String(data.get("password") ?? ""),
        admin: data.get("admin") === "on",
      });
      line.say(`Account created for ${user.name} (${user.email}). Give them the initial password in person or by phone.`);
      setFormKey((k) => k + 1);
      onCreated();
    } catch (error) {
      line.fail(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <StatusLine status={line.status} error={line.error} />
      <form key={formKey} className="form" onSubmit={submit} aria-labelledby="new-user-heading" noValidate>
        <div className="field-row">
          <EmailField id="new-user-email" />
          <div className="field">
            <label htmlFor="new-user-name">Full name</label>
            <input id="new-user-name" name="name" required maxLength={LIMITS.displayNameChars} autoComplete="off" />
          </div>
        </div>
        <AgencyField idPrefix="new-user-agency" label="Agency" name="agency" agencies={agencies} />
        <NewPasswordField
          id="new-user-password"
          name="password"
          label="Initial password"
          hint="Not a common password. Ask the person to change it after signing in."
        />
        <label className="checkbox">
          <input type="checkbox" name="admin" /> Admin (can create accounts and audits, and read the whole audit trail)
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Creating…" : "Create account"}
        </button>
      </form>
    </>
  );
}
