/** Filters of the action plan: owner agency, status, overdue only. They live in the address. */
import { ACTION_STATUSES, type ActionStatus } from "../../../shared/board/index.ts";
import type { Agency } from "../../../shared/domain/agencies.ts";
import { statusTitle } from "./format.ts";

/** "" means any; NO_OWNER means actions without an owner agency. */
export interface ActionFilter {
  agency: string;
  status: ActionStatus | "";
  overdueOnly: boolean;
}

export const NO_OWNER = "-none-";

interface ActionPlanFiltersProps {
  value: ActionFilter;
  agencies: Agency[];
  onChange: (value: ActionFilter) => void;
}

export function ActionPlanFilters({ value, agencies, onChange }: ActionPlanFiltersProps) {
  return (
    <search className="form filters action-filters" aria-label="Filter actions">
      <div className="field">
        <label htmlFor="action-filter-agency">Owner agency</label>
        <select id="action-filter-agency" value={value.agency} onChange={(e) => onChange({ ...value, agency: e.target.value })}>
          <option value="">All agencies</option>
          <option value={NO_OWNER}>No owner agency</option>
          {agencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="action-filter-status">Status</label>
        <select
          id="action-filter-status"
          value={value.status}
          onChange={(e) => onChange({ ...value, status: e.target.value as ActionFilter["status"] })}
        >
          <option value="">Any status</option>
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusTitle(status)}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={value.overdueOnly} onChange={(e) => onChange({ ...value, overdueOnly: e.target.checked })} />
        Overdue only
      </label>
    </search>
  );
}
