/** Downloads the action plan as CSV with the filters on screen (a plain link: the cookie goes along). */
import { actionsCsvUrl } from "../../api/snapshots.ts";
import { type ActionFilter, NO_OWNER } from "./ActionPlanFilters.tsx";
import { csvQuery } from "./actionFilter.ts";

export function ActionCsvLink({ auditId, filter }: { auditId: string; filter: ActionFilter }) {
  const everyOwner = filter.agency === NO_OWNER;
  return (
    <a className="button-link" href={actionsCsvUrl(auditId, csvQuery(filter))} download>
      Download CSV{everyOwner ? " (every owner agency)" : ""}
    </a>
  );
}
