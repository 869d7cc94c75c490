/** Who takes part in an audit, and as what. */
import type { MemberView } from "../../shared/domain/account.ts";
import type { AuditMeta } from "../../shared/domain/audit.ts";
import type { AddMemberInput } from "../../shared/validation/account.ts";
import type { Store } from "../store/index.ts";
import type { MemberRecord } from "../store/records.ts";
import { resolveAgency } from "./agencies.ts";
import { DomainError } from "./errors.ts";

export async function listMemberViews(store: Store, auditId: string): Promise<MemberView[]> {
  const [members, users] = await Promise.all([store.listMembers(auditId), store.listUsers()]);
  const byId = new Map(users.map((u) => [u.id, u]));
  return members
    .flatMap((m) => {
      const user = byId.get(m.userId);
      return user ? [{ userId: m.userId, email: user.email, name: user.name, role: m.role, agency: m.agency, addedAt: m.addedAt }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Adds a person (by their account's email) or changes their role and agency. */
export async function putMember(
  store: Store,
  audit: AuditMeta,
  input: AddMemberInput,
): Promise<{ member: MemberRecord; created: boolean }> {
  const user = await store.getUserByEmail(input.email);
  if (!user) throw new DomainError(404, `No account for ${input.email}: an admin must create it first`);
  const existing = await store.getMember(audit.id, user.id);
  if (existing?.role === "chair" && input.role !== "chair") await keepOneChair(store, audit.id);
  const agency = input.agency ? resolveAgency(input.agency) : (existing?.agency ?? user.agency);
  const member: MemberRecord = {
    auditId: audit.id,
    userId: user.id,
    role: input.role,
    agency,
    addedAt: existing?.addedAt ?? new Date().toISOString(),
  };
  await store.putMember(member);
  return { member, created: !existing };
}

export async function removeMember(store: Store, auditId: string, userId: string): Promise<MemberRecord> {
  const existing = await store.getMember(auditId, userId);
  if (!existing) throw new DomainError(404, `No member with id '${userId}' in this audit`);
  if (existing.role === "chair") await keepOneChair(store, auditId);
  await store.removeMember(auditId, userId);
  return existing;
}

async function keepOneChair(store: Store, auditId: string): Promise<void> {
  const chairs = (await store.listMembers(auditId)).filter((m) => m.role === "chair");
  if (chairs.length <= 1) throw new DomainError(409, "An audit needs a chair: make someone else chair first");
}
