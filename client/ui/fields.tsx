/** Form fields that several forms share: an account's email, and a new password with its rules. */
import type { ReactNode, Ref } from "react";
import { LIMITS } from "../../shared/validation/limits.ts";

export function EmailField({ id, label = "Email address" }: { id: string; label?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name="email" type="email" required maxLength={LIMITS.emailChars} autoComplete="off" spellCheck={false} />
    </div>
  );
}

interface NewPasswordFieldProps {
  id: string;
  name: string;
  label: ReactNode;
  /** Said after the length rule, e.g. who to tell the password to. */
  hint: string;
  inputRef?: Ref<HTMLInputElement>;
}

export function NewPasswordField({ id, name, label, hint, inputRef }: NewPasswordFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        At least {LIMITS.passwordMinChars} characters. {hint}
      </p>
      <input
        id={id}
        ref={inputRef}
        name={name}
        type="password"
        autoComplete="new-password"
        required
        minLength={LIMITS.passwordMinChars}
        maxLength={LIMITS.passwordMaxChars}
        aria-describedby={`${id}-hint`}
      />
    </div>
  );
}
