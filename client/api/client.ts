/** Typed REST client: one function per endpoint. Errors carry the server's message (see http.ts). */
import type { ApiTokenView, AuditTrailPage, MemberView, Role, SessionView, UserView } from "../../shared/domain/account.ts";
import type { Agency } from "../../shared/domain/agencies.ts";
import type { AuditMeta, AuditView } from "../../shared/domain/audit.ts";
import type { AddMemberInput, CreateUserInput, UpdateUserInput } from "../../shared/validation/account.ts";
import type { CreateAuditInput } from "../../shared/validation/audit.ts";
import { request } from "./http.ts";

export { ApiError, messageOf } from "./http.ts";

const id = encodeURIComponent;

export interface TrailFilter {
  auditId?: string;
  userId?: string;
  /** YYYY-MM-DD */
  since?: string;
  limit?: number;
}

/** The query string of an audit-trail request; the CSV link uses the same one. */
export function trailQuery(filter: TrailFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== "") params.set(key, String(value));
  const query = params.toString();
  return query ? `?${query}` : "";
}

export interface CreatedToken extends ApiTokenView {
  /** The secret itself: shown once, never again. */
  token: string;
}

export const api = {
  // Session
  getSession: () => request<SessionView>("GET", "/session", undefined, { expect401: true }),
  /** Keeps the session alive; a 401 here means it has ended. */
  touchSession: () => request<SessionView>("GET", "/session"),
  signIn: (email: string, password: string) => request<SessionView>("POST", "/session", { email, password }, { expect401: true }),
  signOut: () => request<void>("DELETE", "/session"),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>("POST", "/session/password", { currentPassword, newPassword }),

  // Reference data and audits
  agencies: () => request<Agency[]>("GET", "/agencies"),
  listAudits: () => request<AuditView[]>("GET", "/audits"),
  /** Metadata and my access only: the board itself arrives over the collaboration connection. */
  getAuditMeta: (auditId: string) => request<AuditView>("GET", `/audits/${id(auditId)}?board=false`),
  createAudit: (input: CreateAuditInput) => request<AuditMeta>("POST", "/audits", input),

  // Members of an audit
  listMembers: (auditId: string) => request<MemberView[]>("GET", `/audits/${id(auditId)}/members`),
  putMember: (auditId: string, input: AddMemberInput) =>
    request<{ userId: string; role: Role; agency: Agency }>("POST", `/audits/${id(auditId)}/members`, input),
  removeMember: (auditId: string, userId: string) => request<void>("DELETE", `/audits/${id(auditId)}/members/${id(userId)}`),

  // Personal access tokens
  listTokens: () => request<ApiTokenView[]>("GET", "/tokens"),
  createToken: (name: string) => request<CreatedToken>("POST", "/tokens", { name }),
  revokeToken: (tokenId: string) => request<void>("DELETE", `/tokens/${id(tokenId)}`),

  // Users (admins)
  listUsers: () => request<UserView[]>("GET", "/users"),
  createUser: (input: CreateUserInput) => request<UserView>("POST", "/users", input),
  updateUser: (userId: string, input: UpdateUserInput) => request<UserView>("PATCH", `/users/${id(userId)}`, input),

  // Audit trail
  auditLog: (filter: TrailFilter) => request<AuditTrailPage>("GET", `/audit-log${trailQuery(filter)}`),
};

/** Where the browser downloads the trail as CSV (a plain link: the session cookie goes along). */
export function auditLogCsvUrl(filter: TrailFilter): string {
  return `/api/audit-log.csv${trailQuery(filter)}`;
}
