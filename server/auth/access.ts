/**
 * Who may do what in an audit. A person who is neither a member nor an admin learns nothing,
 * not even that the audit exists (404); a member without the right role gets 403.
 */
import type { AuditAccess } from "../../shared/domain/account.ts";
import type { AuditMeta } from "../../shared/domain/audit.ts";
import { DomainError } from "../domain/errors.ts";
import type { Store } from "../store/index.ts";
import type { MemberRecord, UserRecord } from "../store/records.ts";

/**
 * meta: title and members · read: the board · edit: change the board · manage: members and trail
 * · chair: sign the board off (snapshots, freeze, reopen), which only the audit's chair does.
 */
export type AuditNeed = "meta" | "read" | "edit" | "manage" | "chair";

export function accessFor(user: UserRecord, member: MemberRecord | undefined): AuditAccess {
  const role = member?.role ?? null;
  return {
    role,
    agency: member?.agency ?? null,
    canEdit: role === "chair" || role === "attendee",
    canManageMembers: user.admin || role === "chair",
    canViewTrail: user.admin || role === "chair",
  };
}

export interface AuditScope {
  audit: AuditMeta;
  member?: MemberRecord;
  access: AuditAccess;
}

export async function requireAuditAccess(store: Store, user: UserRecord, auditId: string, need: AuditNeed): Promise<AuditScope> {
  const [audit, member] = await Promise.all([store.getAudit(auditId), store.getMember(auditId, user.id)]);
  if (!audit || (!member && !user.admin)) throw new DomainError(404, `No audit with id '${auditId}'`);
  const access = accessFor(user, member);
  const allowed =
    need === "meta" ||
    (need === "read" && member !== undefined) ||
    (need === "edit" && access.canEdit) ||
    (need === "manage" && access.canManageMembers) ||
    (need === "chair" && member?.role === "chair");
  if (!allowed) throw new DomainError(403, forbiddenMessage(need, member));
  return { audit, member, access };
}

function forbiddenMessage(need: AuditNeed, member: MemberRecord | undefined): string {
  if (!member) return "Only members of this audit can see its board: add yourself as a member first";
  if (need === "edit") return `As ${member.role === "observer" ? "an observer" : member.role} you can read this audit but not change it`;
  if (need === "chair") return "Only the audit's chair can take snapshots, freeze or reopen it";
  return "Only the audit's chair or an admin can do this";
}
