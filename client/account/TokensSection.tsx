/** Personal access tokens for scripts: create (the secret is shown once), list, revoke. */
import { type FormEvent, useState } from "react";
import type { ApiTokenView } from "../../shared/domain/account.ts";
import { LIMITS } from "../../shared/validation/limits.ts";
import { api, type CreatedToken, messageOf } from "../api/client.ts";
import { useReloadable } from "../app/useAsync.ts";
import { StatusLine, useStatusLine } from "../ui/StatusLine.tsx";
import { NewTokenNotice } from "./NewTokenNotice.tsx";

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const when = (iso: string | undefined) => (iso ? DATE.format(new Date(iso)) : "Never");

export function TokensSection() {
  const tokens = useReloadable(() => api.listTokens(), []);
  const line = useStatusLine();
  const [created, setCreated] = useState<CreatedToken>();
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    if (!name) return line.fail("Give the token a name that says what uses it.");
    setBusy(true);
    try {
      setCreated(await api.createToken(name));
      form.reset();
      line.clear();
      tokens.reload();
    } catch (error) {
      line.fail(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: ApiTokenView) {
    try {
      await api.revokeToken(token.id);
      if (created?.id === token.id) setCreated(undefined);
      line.say(`Token “${token.name}” revoked: it no longer works.`);
      tokens.reload();
    } catch (error) {
      line.fail(messageOf(error));
    }
  }

  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">Personal access tokens</h2>
      <p className="hint">
        A token lets a script use the API as you (send it as <code>Authorization: Bearer …</code>). Treat it like your password and revoke
        it when it is no longer needed.
      </p>
      {created && <NewTokenNotice token={created} onDismiss={() => setCreated(undefined)} />}
      <StatusLine status={line.status} error={line.error} />
      {tokens.state.status === "loading" && <p>Loading tokens…</p>}
      {tokens.state.status === "error" && <p role="alert">Could not load your tokens: {tokens.state.message}</p>}
      {tokens.state.status === "ready" && tokens.state.value.length === 0 && <p>You have no tokens.</p>}
      {tokens.state.status === "ready" && tokens.state.value.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">Your access tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Revoke</th>
            </tr>
          </thead>
          <tbody>
            {tokens.state.value.map((token) => (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td>{when(token.createdAt)}</td>
                <td>{when(token.lastUsedAt)}</td>
                <td>
                  <button type="button" onClick={() => revoke(token)} aria-label={`Revoke token ${token.name}`}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="form compact inline" onSubmit={create} aria-label="Create a token" noValidate>
        <div className="field">
          <label htmlFor="token-name">New token name</label>
          <input id="token-name" name="name" required maxLength={LIMITS.tokenNameChars} placeholder="e.g. Action plan export script" />
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Creating…" : "Create token"}
        </button>
      </form>
    </section>
  );
}
