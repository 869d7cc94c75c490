/** The action plan as CSV for spreadsheets: one row per action, every cell formula-safe. */
import { ACTION_STATUS_TITLES } from "../../shared/board/schema.ts";
import type { ActionView } from "../../shared/domain/actions.ts";
import { type Agency, DEFAULT_AGENCIES } from "../../shared/domain/agencies.ts";
import { csvRows } from "./csvCell.ts";
import { priorityTitle } from "./summaryActions.ts";
import { agencyNamer } from "./summaryModel.ts";
import { cleanText } from "./text.ts";

const HEADER = [
  "Case",
  "Action",
  "Owner agency",
  "Lead",
  "Due date",
  "Priority",
  "Status",
  "Answers (finding)",
  "Warnings",
  "Latest update note",
];

/**
 * `agencies` names the owner agencies (the audit's own list; the default list otherwise). Dates
 * stay ISO (YYYY-MM-DD) so spreadsheets sort them. Starts with a UTF-8 byte order mark so that
 * Excel reads accents and dashes correctly.
 */
export function renderActionsCsv(actions: readonly ActionView[], agencies: readonly Agency[] = DEFAULT_AGENCIES): string {
  const agency = agencyNamer(agencies);
  const rows = actions.map((a) => [
    cleanText(a.caseLabel),
    cleanText(a.text),
    agency(a.ownerAgency),
    cleanText(a.lead ?? ""),
    a.dueDate ?? "",
    priorityTitle(a),
    `${ACTION_STATUS_TITLES[a.status] ?? a.status}${a.overdue ? " (overdue)" : ""}`,
    cleanText(a.answersText ?? ""),
    a.warnings.join("; "),
    cleanText(a.updates.findLast((u) => u.note)?.note ?? ""),
  ]);
  return `\uFEFF${csvRows([HEADER, ...rows])}`;
}
