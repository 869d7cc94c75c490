/** Changing one's own password: the current one, the new one twice. Other sessions end on the server. */
import { type FormEvent, useState } from "react";
import { LIMITS } from "../../shared/validation/limits.ts";
import { api, messageOf } from "../api/client.ts";
import { NewPasswordField } from "../ui/fields.tsx";
import { StatusLine, useStatusLine } from "../ui/StatusLine.tsx";

export function ChangePasswordForm() {
  const line = useStatusLine();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const current = String(data.get("currentPassword") ?? "");
    const next = String(data.get("newPassword") ?? "");
    if (next !== String(data.get("confirmPassword") ?? "")) return line.fail("The two new passwords are not the same.");
    if (next.length < LIMITS.passwordMinChars) return line.fail(`The new password must be at least ${LIMITS.passwordMinChars} characters.`);
    setBusy(true);
    try {
      await api.changePassword(current, next);
      form.reset();
      line.say("Password changed. You stay signed in here; your other sessions have ended.");
    } catch (error) {
      line.fail(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      <form className="form" onSubmit={submit} aria-labelledby="password-heading" noValidate>
        <div className="field">
          <label htmlFor="current-password">Current password</label>
          <input id="current-password" name="currentPassword" type="password" autoComplete="current-password" required />
        </div>
        <NewPasswordField
          id="new-password"
          name="newPassword"
          label="New password"
          hint="A few unrelated words make a strong one; common passwords are refused."
        />
        <div className="field">
          <label htmlFor="confirm-password">New password again</label>
          <input id="confirm-password" name="confirmPassword" type="password" autoComplete="new-password" required />
        </div>
        <StatusLine status={line.status} error={line.error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Changing…" : "Change password"}
        </button>
      </form>
    </section>
  );
}
