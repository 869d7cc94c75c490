/**
 * Downloads of a snapshot: the learning summary as HTML (prints to a clean A4 PDF), DOCX and
 * Markdown, and the action plan as CSV with its filters. Every download is in the audit trail.
 */
import type { Agency } from "../../shared/domain/agencies.ts";
import { type SummaryFormat, summaryUrl } from "../api/snapshots.ts";
import { ActionCsvLink } from "../board/actions/ActionCsvLink.tsx";
import { type ActionFilter, ActionPlanFilters } from "../board/actions/ActionPlanFilters.tsx";
import { useActionFilter } from "../board/actions/actionFilter.ts";

const FORMATS: Array<{ format: SummaryFormat; label: string; hint: string }> = [
  { format: "docx", label: "Word (DOCX)", hint: "to publish or edit" },
  { format: "html", label: "Web page (HTML)", hint: "print it as an A4 PDF" },
  { format: "md", label: "Markdown", hint: "plain text" },
];

interface DownloadsPanelProps {
  auditId: string;
  snapshotId: string;
  agencies: Agency[];
  /** This is the freeze snapshot of an audit that is frozen now: the CSV is its plan with progress since. */
  currentFreeze: boolean;
}

export function DownloadsPanel({ auditId, snapshotId, agencies, currentFreeze }: DownloadsPanelProps) {
  const [filter, setFilter] = useActionFilter();
  return (
    <section className="panel downloads" aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">Download</h2>
      <h3>Learning summary</h3>
      <ul className="download-list">
        {FORMATS.map(({ format, label, hint }) => (
          <li key={format}>
            <a className="button-link" href={summaryUrl(auditId, snapshotId, format)} download>
              {label}
            </a>{" "}
            <span className="hint">{hint}</span>
          </li>
        ))}
      </ul>
      <p className="hint">
        <a href={summaryUrl(auditId, snapshotId, "html")} target="_blank" rel="noopener">
          Open the printable page (new tab)
        </a>
      </p>
      <h3>Action plan (CSV)</h3>
      <p className="hint">
        {currentFreeze
          ? "The action plan as signed off, with the progress recorded since."
          : "The audit's action plan as it is now (the summary above has the plan as it was in this snapshot)."}
      </p>
      <ActionPlanFilters value={filter} agencies={agencies} onChange={(value: ActionFilter) => setFilter(value)} />
      <ActionCsvLink auditId={auditId} filter={filter} />
    </section>
  );
}
