/** Agency names for ids stored on the board, and the choices of an owner agency. */
import { type Agency, agencyName } from "../../shared/domain/agencies.ts";
import type { AuditMeta } from "../../shared/domain/audit.ts";
import type { PresenceUser } from "../collab/usePresence.ts";

/** The audit's agencies, then mine if the audit's list lacks it (a member may write as another). */
export function knownAgencies(audit: AuditMeta, user: PresenceUser): Agency[] {
  const list = [...audit.agencies];
  if (!list.some((a) => a.id === user.agencyId)) list.push({ id: user.agencyId, name: user.agency });
  return list;
}

/** The name of an agency id; the id itself when nobody knows it (set by a script, say). */
export function agencyLabel(audit: AuditMeta, user: PresenceUser, id: string): string {
  return id === user.agencyId ? user.agency : agencyName(audit.agencies, id);
}

/** Choices for a select: the known agencies plus `current` when it is not one of them. */
export function agencyChoices(audit: AuditMeta, user: PresenceUser, current: string | undefined): Agency[] {
  const list = knownAgencies(audit, user);
  if (current && !list.some((a) => a.id === current)) list.push({ id: current, name: current });
  return list;
}
