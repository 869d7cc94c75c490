/** How a concern's deadline reads, and the datetime-local value of "now + 24 hours". */
import { DEFAULT_CONCERN_HOURS } from "../../../shared/board/index.ts";

const WHEN = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

/** "Tue 4 Mar, 14:05" (local time); anything that is not a date as it is. */
export function formatWhen(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : WHEN.format(time);
}

/** `<input type="datetime-local">` value (local time, to the minute) of `date`. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function defaultDue(now = new Date()): string {
  return localInputValue(new Date(now.getTime() + DEFAULT_CONCERN_HOURS * 3_600_000));
}
