/** How actions read on the board and in the plan: dates, priorities, statuses. */
import { ACTION_STATUS_TITLES, type ActionStatus } from "../../../shared/board/index.ts";

export { PRIORITY_TITLES } from "../../../shared/board/index.ts";

export function statusTitle(status: ActionStatus): string {
  return ACTION_STATUS_TITLES[status];
}

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "2030-01-31" → "31 Jan 2030"; anything that is not a date is shown as it is. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return "";
  const time = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(time) ? iso : DATE.format(time);
}

/** A value for `<input type="date">`: YYYY-MM-DD, or "" to clear. */
export function isDateInput(value: string): boolean {
  return value === "" || /^\d{4}-\d{2}-\d{2}$/.test(value);
}
