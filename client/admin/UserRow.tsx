/** One account in the users table, with its actions: edit, disable or enable, reset the password. */
import { useState } from "react";
import type { UserView } from "../../shared/domain/account.ts";
import type { Agency } from "../../shared/domain/agencies.ts";
import type { UpdateUserInput } from "../../shared/validation/account.ts";
import { api, messageOf } from "../api/client.ts";
import { useCurrentUser } from "../session/SessionContext.tsx";
import { EditUserForm } from "./EditUserForm.tsx";
import { ResetPasswordForm } from "./ResetPasswordForm.tsx";

interface UserRowProps {
  user: UserView;
  agencies: Agency[];
  onChanged: (message: string) => void;
  onError: (message: string) => void;
}

type Open = "none" | "edit" | "password";

export function UserRow({ user, agencies, onChanged, onError }: UserRowProps) {
  const me = useCurrentUser();
  const [open, setOpenState] = useState<Open>("none");
  const [busy, setBusy] = useState(false);
  /** An error of the open edit or password form, shown in that form. */
  const [formError, setFormError] = useState("");
  const setOpen = (next: Open) => {
    setFormError("");
    setOpenState(next);
  };

  /** Sends the change and reports it; answers the server's refusal, if any. */
  async function send(input: UpdateUserInput, done: string): Promise<string | undefined> {
    setBusy(true);
    try {
      await api.updateUser(user.id, input);
      onChanged(done);
      return undefined;
    } catch (error) {
      return messageOf(error);
    } finally {
      setBusy(false);
    }
  }

  /** Saves the open form, closing it on success; a refusal is shown in the form. */
  async function saveForm(input: UpdateUserInput, done: string): Promise<boolean> {
    const refusal = await send(input, done);
    if (refusal) setFormError(refusal);
    else setOpen("none");
    return refusal === undefined;
  }

  /** Disables or enables the account. It leaves any open form alone: the admin may have opened one meanwhile. */
  async function toggleDisabled(): Promise<void> {
    const refusal = await send(
      { disabled: !user.disabled },
      user.disabled ? `${user.name} can sign in again.` : `${user.name} is disabled: signed out everywhere.`,
    );
    if (refusal) onError(refusal);
  }

  return (
    <>
      <tr className={user.disabled ? "disabled-row" : undefined}>
        <th scope="row">
          {user.name}
          {user.id === me.id && <span className="hint"> (you)</span>}
        </th>
        <td>{user.email}</td>
        <td>{user.agency.name}</td>
        <td>{user.admin ? "Admin" : "—"}</td>
        <td>{user.disabled ? <strong className="tag warning">Disabled</strong> : "Active"}</td>
        <td>
          <span className="button-row wrap">
            <button
              type="button"
              aria-expanded={open === "edit"}
              aria-label={`Edit ${user.name}`}
              onClick={() => setOpen(open === "edit" ? "none" : "edit")}
            >
              Edit
            </button>
            <button
              type="button"
              disabled={busy}
              aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.name}`}
              onClick={() => void toggleDisabled()}
            >
              {user.disabled ? "Enable" : "Disable"}
            </button>
            <button
              type="button"
              aria-expanded={open === "password"}
              aria-label={`Reset password of ${user.name}`}
              onClick={() => setOpen(open === "password" ? "none" : "password")}
            >
              Reset password
            </button>
          </span>
        </td>
      </tr>
      {open !== "none" && (
        <tr className="row-form">
          <td colSpan={6}>
            {open === "edit" ? (
              <EditUserForm
                user={user}
                agencies={agencies}
                busy={busy}
                error={formError}
                onSave={saveForm}
                onCancel={() => setOpen("none")}
              />
            ) : (
              <ResetPasswordForm user={user} busy={busy} error={formError} onSave={saveForm} onCancel={() => setOpen("none")} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}
