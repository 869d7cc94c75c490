/**
 * The action plan's filters: kept in the address (so "back" from a card returns to the same
 * list), applied to a list of actions, and turned into the CSV download's query.
 */
import { useState } from "react";
import { useSearchParams } from "react-router";
import { ACTION_STATUSES, type ActionStatus } from "../../../shared/board/index.ts";
import type { ActionView } from "../../../shared/domain/actions.ts";
import type { ActionQuery } from "../../api/snapshots.ts";
import { type ActionFilter, NO_OWNER } from "./ActionPlanFilters.tsx";

/**
 * The state is local first: the address updates in a transition, and a controlled checkbox must
 * not wait for it.
 */
export function useActionFilter(): [ActionFilter, (value: ActionFilter) => void] {
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

export function filterActions(actions: readonly ActionView[], { agency, status, overdueOnly }: ActionFilter): ActionView[] {
  return actions.filter(
    (action) =>
      (!agency || (agency === NO_OWNER ? !action.ownerAgency : action.ownerAgency === agency)) &&
      (!status || action.status === status) &&
      (!overdueOnly || action.overdue),
  );
}

/** The CSV's filters. The API cannot ask for "no owner agency": that choice downloads every agency's. */
export function csvQuery({ agency, status, overdueOnly }: ActionFilter): ActionQuery {
  return { agency: agency && agency !== NO_OWNER ? agency : undefined, status: status || undefined, overdue: overdueOnly };
}
