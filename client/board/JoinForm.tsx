/** Before accounts exist: a person joining says who they are and which agency they speak for. */
import { type FormEvent, useState } from "react";
import type { AuditMeta } from "../../shared/domain/audit.ts";
import { LIMITS } from "../../shared/validation/limits.ts";
import type { Identity } from "../collab/identity.ts";

export function JoinForm({ audit, onJoin }: { audit: AuditMeta; onJoin: (identity: Identity) => void }) {
  const [error, setError] = useState<string>();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const agencyId = String(form.get("agency") ?? "");
    if (!name) return setError("Enter your name as colleagues know you.");
    if (!audit.agencies.some((a) => a.id === agencyId)) return setError("Choose the agency you represent.");
    onJoin({ name, agencyId });
  }
  return (
    <main className="page narrow" id="main">
      <h1>Join “{audit.title}”</h1>
      <p>Your name and agency are shown on the cards you write and next to your cursor. They are kept in this browser tab only.</p>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="join-name">Your name</label>
          <input id="join-name" name="name" required maxLength={LIMITS.displayNameChars} autoComplete="name" />
        </div>
        <div className="field">
          <label htmlFor="join-agency">Your agency</label>
          <select id="join-agency" name="agency" required defaultValue="">
            <option value="" disabled>
              Choose an agency
            </option>
            {audit.agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          Join the board
        </button>
      </form>
    </main>
  );
}
