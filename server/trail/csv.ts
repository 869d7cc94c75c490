/** The audit trail as CSV for download (spreadsheet-safe: no cell can start a formula). */
import type { AuditEvent } from "../../shared/domain/account.ts";

const COLUMNS = ["seq", "at", "type", "actor", "userId", "agency", "auditId", "detail", "prev", "hash"] as const;

function cell(value: string | number | undefined): string {
  let text = value === undefined ? "" : String(value);
  // A leading = + - @ would run as a formula when the file is opened in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function trailToCsv(events: readonly AuditEvent[]): string {
  const rows = events.map((event) => {
    const detail = event.detail
      ? Object.entries(event.detail)
          .map(([key, value]) => `${key}=${value}`)
          .join("; ")
      : undefined;
    return COLUMNS.map((column) => cell(column === "detail" ? detail : event[column])).join(",");
  });
  return `${[COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
}
