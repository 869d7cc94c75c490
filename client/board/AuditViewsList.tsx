/**
 * The agenda's audit-level entries: the immediate concerns (with a badge of the open ones), the
 * sections, the theme grid and the action plan, with counts.
 */
import { useBoard } from "./BoardContext.tsx";
import { useConcerns } from "./concerns/useConcerns.ts";
import { useAuditSummary } from "./selectors.ts";
import { AUDIT_VIEW_TITLES, AUDIT_VIEWS, type AuditViewId, viewPresenceKey } from "./views.ts";

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

interface AuditViewsListProps {
  selected: AuditViewId | undefined;
  onSelect: (view: AuditViewId) => void;
}

export function AuditViewsList({ selected, onSelect }: AuditViewsListProps) {
  const { doc, people } = useBoard();
  const summary = useAuditSummary(doc);
  const concerns = useConcerns(doc);
  const openConcerns = concerns.filter((c) => c.status !== "actioned").length;
  const meta: Partial<Record<AuditViewId, string>> = {
    concerns: concerns.length === 0 ? "None raised" : openConcerns === 0 ? "All actioned" : undefined,
    themes: summary.recurringThemes > 0 ? `${plural(summary.recurringThemes, "theme", "themes")} in 2+ cases` : undefined,
    actions: [
      // Concerns are in the plan too, first, as urgent actions.
      plural(summary.actions + concerns.length, "action", "actions"),
      openConcerns > 0 ? `${openConcerns} urgent` : undefined,
      summary.overdue > 0 ? `${summary.overdue} overdue` : undefined,
      summary.notSmart > 0 ? `${summary.notSmart} not SMART` : undefined,
    ]
      .filter(Boolean)
      .join(" · "),
  };
  return (
    <>
      <h2 id="audit-views-heading" className="agenda-subheading">
        Across the audit
      </h2>
      <ul className="agenda-list" aria-labelledby="audit-views-heading">
        {AUDIT_VIEWS.map((view) => {
          const here = people.filter((p) => p.caseId === viewPresenceKey(view)).length;
          return (
            <li key={view} className={view === selected ? "agenda-item current" : "agenda-item"}>
              <button
                type="button"
                className="agenda-select"
                aria-current={view === selected ? "true" : undefined}
                onClick={() => onSelect(view)}
              >
                <span className="agenda-view-label">
                  {AUDIT_VIEW_TITLES[view]}
                  {view === "concerns" && openConcerns > 0 && <span className="count-badge urgent">{openConcerns} open</span>}
                </span>
                {meta[view] && <span className="agenda-meta">{meta[view]}</span>}
                {here > 0 && <span className="agenda-here">{here === 1 ? "1 person here" : `${here} people here`}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
