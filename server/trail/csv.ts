/** The audit trail as CSV for download (spreadsheet-safe: no cell can start a formula). */
import type { AuditEvent } from "../../shared/domain/account.ts";
import { csvCell as cell } from "../outputs/csvCell.ts";

const COLUMNS = ["seq", "at", "type", "actor", "userId", "agency", "auditId", "detail", "prev", "hash"] as const;

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
