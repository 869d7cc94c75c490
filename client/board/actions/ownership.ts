/**
 * Who may record progress on an action after the freeze: the chair, or a member writing as the
 * action's owner agency (by id or by name, as the server decides it).
 */
import type { Role } from "../../../shared/domain/account.ts";
import type { ActionView } from "../../../shared/domain/actions.ts";
import { agencyName } from "../../../shared/domain/agencies.ts";
import type { AuditMeta } from "../../../shared/domain/audit.ts";

export function canRecordProgress(action: ActionView, audit: AuditMeta, role: Role, mine: { id: string; name: string }): boolean {
  if (role === "chair") return true;
  const owner = action.ownerAgency;
  if (!owner) return false;
  const lower = (text: string) => text.trim().toLowerCase();
  return owner === mine.id || lower(owner) === lower(mine.name) || lower(agencyName(audit.agencies, owner)) === lower(mine.name);
}
