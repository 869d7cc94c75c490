/**
 * What the action plan shows, live or after the freeze: totals, filters, the CSV download with
 * the same filters, and the table (with the progress column after the freeze).
 */
import { type ReactNode, useCallback, useMemo } from "react";
import type { ActionView } from "../../../shared/domain/actions.ts";
import { agencyChoices, agencyLabel } from "../agencyNames.ts";
import { useBoardStatic } from "../BoardContext.tsx";
import { ActionCsvLink } from "./ActionCsvLink.tsx";
import { ActionPlanFilters } from "./ActionPlanFilters.tsx";
import { ActionPlanTable, type ProgressRow } from "./ActionPlanTable.tsx";
import { filterActions, useActionFilter } from "./actionFilter.ts";

interface ActionPlanContentProps {
  actions: ActionView[];
  /** What the plan is and where it comes from. */
  intro: ReactNode;
  progress?: ProgressRow;
}

export function ActionPlanContent({ actions, intro, progress }: ActionPlanContentProps) {
  const { audit, user } = useBoardStatic();
  const [filter, setFilter] = useActionFilter();
  const agencyName = useCallback((id: string) => agencyLabel(audit, user, id), [audit, user]);

  const owners = new Set(actions.map((a) => a.ownerAgency).filter((id): id is string => !!id));
  const agencies = agencyChoices(audit, user, undefined);
  for (const id of owners) if (!agencies.some((a) => a.id === id)) agencies.push({ id, name: agencyName(id) });

  const shown = useMemo(() => filterActions(actions, filter), [actions, filter]);
  const notSmart = actions.filter((a) => a.warnings.length > 0).length;
  const overdue = actions.filter((a) => a.overdue).length;
  const urgent = actions.filter((a) => a.urgent && a.status !== "done" && a.status !== "cancelled").length;

  return (
    <article className="case section action-plan" aria-labelledby="section-heading">
      <h2 id="section-heading">Action plan</h2>
      {intro}
      <ul className="plan-totals">
        <li>{actions.length === 1 ? "1 action" : `${actions.length} actions`}</li>
        {urgent > 0 && <li className="urgent-total">{urgent} urgent (immediate concerns)</li>}
        <li className={overdue > 0 ? "overdue-total" : undefined}>{overdue} overdue</li>
        <li className={notSmart > 0 ? "warning-total" : undefined}>{notSmart} without an owner agency or due date</li>
      </ul>
      <ActionPlanFilters value={filter} agencies={agencies} onChange={setFilter} />
      <div className="plan-count-row">
        <p className="plan-count" role="status">
          {actions.length === 0 ? "" : `Showing ${shown.length} of ${actions.length} ${actions.length === 1 ? "action" : "actions"}`}
        </p>
        <ActionCsvLink auditId={audit.id} filter={filter} />
      </div>
      {actions.length === 0 ? (
        <p>No actions yet. Any “What needs to happen” card can be made an action with its “Make action” button.</p>
      ) : shown.length === 0 ? (
        <p>No actions match these filters.</p>
      ) : (
        <ActionPlanTable actions={shown} agencyName={agencyName} progress={progress} />
      )}
    </article>
  );
}
