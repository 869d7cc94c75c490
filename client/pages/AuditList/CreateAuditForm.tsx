/** Audit set-up: title, theme, meeting date, period, selection rule and participating agencies. */
import { type FormEvent, useState } from "react";
import type { AuditMeta } from "../../../shared/domain/audit.ts";
import { LIMITS } from "../../../shared/validation/limits.ts";
import { api } from "../../api/client.ts";
import { useAsync } from "../../app/useAsync.ts";

export function CreateAuditForm({ onCreated }: { onCreated: (audit: AuditMeta) => void }) {
  const agencies = useAsync(() => api.agencies(), []);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    const extra = (text("otherAgencies") ?? "")
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    setBusy(true);
    setError(undefined);
    try {
      const audit = await api.createAudit({
        title: text("title") ?? "",
        theme: text("theme") ?? "",
        meetingDate: text("meetingDate"),
        period: text("period"),
        selection: text("selection"),
        agencies: [...form.getAll("agency").map(String), ...extra],
      });
      onCreated(audit);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} aria-describedby={error ? "create-audit-error" : undefined}>
      <div className="field">
        <label htmlFor="audit-title">Title</label>
        <input id="audit-title" name="title" required maxLength={LIMITS.titleChars} placeholder="e.g. Domestic Violence II" />
      </div>
      <div className="field">
        <label htmlFor="audit-theme">Theme</label>
        <input
          id="audit-theme"
          name="theme"
          required
          maxLength={LIMITS.themeChars}
          placeholder="e.g. Domestic abuse, mental health and substance misuse"
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="audit-date">Meeting date</label>
          <input id="audit-date" name="meetingDate" type="date" />
        </div>
        <div className="field">
          <label htmlFor="audit-period">Audit period</label>
          <input id="audit-period" name="period" maxLength={LIMITS.shortTextChars} placeholder="e.g. April 2017 – March 2018" />
        </div>
      </div>
      <div className="field">
        <label htmlFor="audit-selection">How cases were selected</label>
        <input id="audit-selection" name="selection" maxLength={LIMITS.shortTextChars} placeholder="e.g. Random by business intelligence" />
      </div>
      <fieldset className="field">
        <legend>Participating agencies</legend>
        {agencies.status === "loading" && <p>Loading agencies…</p>}
        {agencies.status === "error" && <p role="alert">Could not load agencies: {agencies.message}</p>}
        {agencies.status === "ready" && (
          <ul className="checkbox-grid">
            {agencies.value.map((agency) => (
              <li key={agency.id}>
                <label>
                  <input type="checkbox" name="agency" value={agency.id} defaultChecked /> {agency.name}
                </label>
              </li>
            ))}
          </ul>
        )}
        <label htmlFor="audit-other-agencies">Other agencies (comma separated)</label>
        <input id="audit-other-agencies" name="otherAgencies" placeholder="e.g. Sirona, AWP" />
      </fieldset>
      {error && (
        <p id="create-audit-error" className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Creating…" : "Create audit"}
      </button>
    </form>
  );
}
