/** Sets a new password for someone who forgot theirs; their sessions end. */
import { type FormEvent, useEffect, useRef } from "react";
import type { UserView } from "../../shared/domain/account.ts";
import type { UpdateUserInput } from "../../shared/validation/account.ts";
import { NewPasswordField } from "../ui/fields.tsx";

interface ResetPasswordFormProps {
  user: UserView;
  busy: boolean;
  /** The server's refusal of the last save, if any. */
  error: string;
  onSave: (input: UpdateUserInput, done: string) => Promise<boolean>;
  onCancel: () => void;
}

export function ResetPasswordForm({ user, busy, error, onSave, onCancel }: ResetPasswordFormProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  const id = `reset-${user.id}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    void onSave({ password }, `New password set for ${user.name}; they have been signed out everywhere.`);
  }

  return (
    <form className="form compact" onSubmit={submit} aria-label={`Reset password of ${user.name}`} noValidate>
      <NewPasswordField
        id={id}
        name="password"
        inputRef={inputRef}
        label={<>New password for {user.name}</>}
        hint="Tell it to them in person or by phone, and ask them to change it."
      />
      {error && (
        <p className="notice warning" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Set password
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
