/**
 * The action plan, live: every action of the audit (from the document, as the exports list them),
 * filtered by owner agency, status and overdue, with each action's SMART warnings.
 */
import { useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { ACTION_STATUSES, type ActionStatus } from "../../../shared/board/index.ts";
import { listActions } from "../../../shared/domain/actions.ts";
import { agencyChoices, agencyLabel } from "../agencyNames.ts";
import { useBoard } from "../BoardContext.tsx";
import { useBoardJson } from "../useBoardJson.ts";
import { type ActionFilter, ActionPlanFilters, NO_OWNER } from "./ActionPlanFilters.tsx";
import { ActionPlanTable } from "./ActionPlanTable.tsx";

/**
 * The filters, kept in the address too (so "back" from a card returns to the same list). The
 * state is local first: the address updates in a transition, and a controlled checkbox must not
 * wait for it.
 */
function useActionFilter(): [ActionFilter, (value: ActionFilter) => void] {
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<ActionFilter>(() => {
    const status = params.get("status") ?? "";
    return {
      agency: params.get("agency") ?? "",
      status: ACTION_STATUSES.includes(status as ActionStatus) ? (status as ActionStatus) : "",
      overdueOnly: params.get("overdue") === "1",
    };
  });
  const set = (value: ActionFilter) => {
    setFilter(value);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        const put = (key: string, on: string) => (on ? next.set(key, on) : next.delete(key));
        put("agency", value.agency);
        put("status", value.status);
        put("overdue", value.overdueOnly ? "1" : "");
        return next;
      },
      { replace: true },
    );
  };
  return [filter, set];
}

export function ActionPlanView() {
  const { doc, audit, user } = useBoard();
  const board = useBoardJson(doc);
  const actions = useMemo(() => listActions(board), [board]);
  const [filter, setFilter] = useActionFilter();
  const agencyName = useCallback((id: string) => agencyLabel(audit, user, id), [audit, user]);

  const owners = new Set(actions.map((a) => a.ownerAgency).filter((id): id is string => !!id));
  const agencies = agencyChoices(audit, user, undefined);
  for (const id of owners) if (!agencies.some((a) => a.id === id)) agencies.push({ id, name: agencyName(id) });

  const { agency, status, overdueOnly } = filter;
  const shown = useMemo(
    () =>
      actions.filter(
        (action) =>
          (!agency || (agency === NO_OWNER ? !action.ownerAgency : action.ownerAgency === agency)) &&
          (!status || action.status === status) &&
          (!overdueOnly || action.overdue),
      ),
    [actions, agency, status, overdueOnly],
  );
  const notSmart = actions.filter((a) => a.warnings.length > 0).length;
  const overdue = actions.filter((a) => a.overdue).length;

  return (
    <article className="case section action-plan" aria-labelledby="section-heading">
      <h2 id="section-heading">Action plan</h2>
      <p className="hint">
        Every “What needs to happen” card made an action, live from the board. An action is SMART enough to follow up once it has an owner
        agency and a due date. Choose an action to open its card.
      </p>
      <ul className="plan-totals">
        <li>{actions.length === 1 ? "1 action" : `${actions.length} actions`}</li>
        <li className={overdue > 0 ? "overdue-total" : undefined}>{overdue} overdue</li>
        <li className={notSmart > 0 ? "warning-total" : undefined}>{notSmart} without an owner agency or due date</li>
      </ul>
      <ActionPlanFilters value={filter} agencies={agencies} onChange={setFilter} />
      <p className="plan-count" role="status">
        {actions.length === 0 ? "" : `Showing ${shown.length} of ${actions.length} ${actions.length === 1 ? "action" : "actions"}`}
      </p>
      {actions.length === 0 ? (
        <p>No actions yet. Any “What needs to happen” card can be made an action with its “Make action” button.</p>
      ) : shown.length === 0 ? (
        <p>No actions match these filters.</p>
      ) : (
        <ActionPlanTable actions={shown} agencyName={agencyName} />
      )}
    </article>
  );
}
