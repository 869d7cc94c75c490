/**
 * What changed between two snapshots, per case and column: cards added, removed and changed
 * (before and after). Each change is labelled in words, not only by colour.
 */
import { COLUMN_IDS, COLUMN_TITLES } from "../../shared/board/index.ts";
import { type Agency, agencyName } from "../../shared/domain/agencies.ts";
import type { SnapshotDiff } from "../../shared/domain/snapshot.ts";

type CaseDiff = SnapshotDiff["cases"][number];
type ColumnDiff = CaseDiff["columns"][string];

const CASE_CHANGE: Record<CaseDiff["change"], string | undefined> = {
  added: "New case",
  removed: "Case removed",
  changed: undefined,
  same: undefined,
};

function countOf(cases: CaseDiff[], kind: keyof ColumnDiff): number {
  return cases.reduce((sum, c) => sum + Object.values(c.columns).reduce((n, col) => n + col[kind].length, 0), 0);
}

function cards(count: number): string {
  return count === 1 ? "1 card" : `${count} cards`;
}

export function SnapshotDiffView({ diff, agencies }: { diff: SnapshotDiff; agencies: Agency[] }) {
  const cases = diff.cases.filter((c) => c.change !== "same");
  const agency = (id: string) => agencyName(agencies, id);
  const added = countOf(cases, "added");
  const removed = countOf(cases, "removed");
  const changed = countOf(cases, "changed");
  return (
    <section className="diff" aria-labelledby="diff-heading">
      <h3 id="diff-heading">
        From “{diff.from.name}” to “{diff.to.name}”
      </h3>
      <p className="diff-totals" role="status">
        {cases.length === 0
          ? "No cards differ between these two snapshots."
          : `${cards(added)} added, ${cards(removed)} removed, ${cards(changed)} changed, in ${cases.length === 1 ? "1 case" : `${cases.length} cases`}.`}
      </p>
      {cases.map((c) => (
        <section key={c.caseId} className="diff-case" aria-labelledby={`diff-case-${c.caseId}`}>
          <h4 id={`diff-case-${c.caseId}`}>
            {c.label}
            {CASE_CHANGE[c.change] && <span className={`diff-tag diff-case-${c.change}`}>{CASE_CHANGE[c.change]}</span>}
          </h4>
          {COLUMN_IDS.map((column) => {
            const col = c.columns[column];
            if (!col || col.added.length + col.removed.length + col.changed.length === 0) return null;
            return (
              <div key={column} className={`diff-column diff-${column}`}>
                <h5>{COLUMN_TITLES[column]}</h5>
                <ul className="diff-list">
                  {col.added.map((card) => (
                    <li key={card.id} className="diff-item diff-added">
                      <p className="diff-label">
                        <span className="diff-kind">Added</span> <span className="agency-badge">{agency(card.agency)}</span>
                      </p>
                      <p className="diff-text">{card.text || <span className="muted">(empty card)</span>}</p>
                    </li>
                  ))}
                  {col.removed.map((card) => (
                    <li key={card.id} className="diff-item diff-removed">
                      <p className="diff-label">
                        <span className="diff-kind">Removed</span> <span className="agency-badge">{agency(card.agency)}</span>
                      </p>
                      <p className="diff-text">{card.text || <span className="muted">(empty card)</span>}</p>
                    </li>
                  ))}
                  {col.changed.map((card) => (
                    <li key={card.id} className="diff-item diff-changed">
                      <p className="diff-label">
                        <span className="diff-kind">{card.before === card.after ? "Moved here" : "Changed"}</span>{" "}
                        <span className="agency-badge">{agency(card.agency)}</span>
                      </p>
                      {card.before !== card.after && (
                        <dl className="diff-before-after">
                          <dt>Before</dt>
                          <dd>{card.before || <span className="muted">(empty)</span>}</dd>
                          <dt>After</dt>
                          <dd>{card.after || <span className="muted">(empty)</span>}</dd>
                        </dl>
                      )}
                      {card.before === card.after && <p className="diff-text">{card.after}</p>}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      ))}
    </section>
  );
}
