/** /sign-in: email and password; says why the person is here (session ended, signed out) and why a sign-in failed. */
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Navigate, useLocation } from "react-router";
import { LIMITS } from "../../shared/validation/limits.ts";
import { ApiError, messageOf } from "../api/client.ts";
import { usePageTitle } from "../app/usePageTitle.ts";
import type { SignInState } from "./RequireSession.tsx";
import { useSession } from "./SessionContext.tsx";

function describeFailure(error: unknown): string {
  if (error instanceof ApiError && error.status === 401)
    return "That email and password do not match an active account. Check both and try again.";
  // 429 and 400 carry the server's own words (how long to wait, what is wrong).
  return messageOf(error);
}

export function SignInPage() {
  usePageTitle("Sign in");
  const { state, signIn } = useSession();
  const location = useLocation();
  const from = (location.state as SignInState | null)?.from;
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  if (state.status === "signed-in") return <Navigate to={from && from !== "/sign-in" ? from : "/"} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) return setError("Enter your email address and your password.");
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email, password);
    } catch (caught) {
      setError(describeFailure(caught));
      setBusy(false);
    }
  }

  const notice = state.status === "signed-out" ? state.notice : undefined;
  return (
    <>
      <header className="app-header">
        <p className="brand">MACA Board</p>
      </header>
      <main className="page narrow" id="main">
        <h1>Sign in</h1>
        <p className="notice" role="status">
          {notice}
        </p>
        <p>MACA Board holds child-protection case audits. Sign in with the account your partnership's business office gave you.</p>
        {state.status === "loading" ? (
          <p role="status">Checking your session…</p>
        ) : (
          <form className="form" onSubmit={submit} aria-describedby={error ? "sign-in-error" : undefined} noValidate>
            <div className="field">
              <label htmlFor="sign-in-email">Email address</label>
              <input
                id="sign-in-email"
                name="email"
                type="email"
                autoComplete="username"
                required
                maxLength={LIMITS.emailChars}
                spellCheck={false}
              />
            </div>
            <div className="field">
              <label htmlFor="sign-in-password">Password</label>
              <input
                id="sign-in-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                maxLength={LIMITS.passwordMaxChars}
              />
            </div>
            {error && (
              <p id="sign-in-error" className="error" role="alert" tabIndex={-1} ref={errorRef}>
                {error}
              </p>
            )}
            <button type="submit" className="primary" disabled={busy}>
              {busy ? "Signing in…" : "Sign in"}
            </button>
          </form>
        )}
        <p className="hint">Forgotten your password? Ask an admin of your partnership to reset it.</p>
      </main>
    </>
  );
}
