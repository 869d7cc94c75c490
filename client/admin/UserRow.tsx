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

  async function update(input: UpdateUserInput, done: string): Promise<boolean> {
    setBusy(true);
    try {
      await api.updateUser(user.id, input);
      setOpen("none");
      onChanged(done);
      return true;
    } catch (error) {
      if (open === "none") onError(messageOf(error));
      else setFormError(messageOf(error));
      return false;
    } finally {
      setBusy(false);
    }
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
              onClick={() =>
                update(
                  { disabled: !user.disabled },
                  user.disabled ? `${user.name} can sign in again.` : `${user.name} is disabled: signed out everywhere.`,
                )
              }
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
                onSave={update}
                onCancel={() => setOpen("none")}
              />
            ) : (
              <ResetPasswordForm user={user} busy={busy} error={formError} onSave={update} onCancel={() => setOpen("none")} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}
