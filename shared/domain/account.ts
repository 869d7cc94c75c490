/**
 * People, their part in each audit, and the audit trail: the shapes the API sends. Secrets
 * (password hashes, token hashes, session ids) never appear here.
 */
import type { Agency } from "./agencies.ts";

/** chair runs the meeting and manages members; attendee edits as their agency; observer reads. */
export const ROLES = ["chair", "attendee", "observer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_TITLES: Record<Role, string> = {
  chair: "Chair",
  attendee: "Attendee",
  observer: "Observer (read-only)",
};

export interface UserView {
  id: string;
  email: string;
  name: string;
  agency: Agency;
  admin: boolean;
  disabled: boolean;
  createdAt: string;
}

/** GET/POST /api/session: who is signed in, and the token state-changing calls must echo. */
export interface SessionView {
  user: UserView;
  /** Send as X-CSRF-Token on cookie-authenticated POST/PATCH/DELETE. */
  csrfToken: string;
}

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** The agency this person writes as in this audit. */
  agency: Agency;
  addedAt: string;
}

/** What the signed-in person may do in one audit (sent with the audit's metadata). */
export interface AuditAccess {
  role: Role | null;
  /** The agency the person writes as in this audit (null when not a member). */
  agency: Agency | null;
  canEdit: boolean;
  canManageMembers: boolean;
  canViewTrail: boolean;
}

export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt?: string;
}

export const AUDIT_EVENT_TYPES = [
  "sign-in",
  "sign-in-failed",
  "sign-out",
  "session-expired",
  "password-changed",
  "user-created",
  "user-updated",
  "token-created",
  "token-revoked",
  "audit-created",
  "audit-viewed",
  "trail-viewed",
  "trail-exported",
  "member-added",
  "member-changed",
  "member-removed",
  "api-write",
  "api-refused",
  "ws-connected",
  "ws-refused",
  "ws-disconnected",
  "document-changed",
  "snapshot-taken",
  "snapshot-viewed",
  "audit-frozen",
  "audit-reopened",
  "snapshot-acknowledged",
  "addendum-added",
  "export-downloaded",
  "action-updated",
  "concern-raised",
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** One entry of the append-only, hash-chained audit trail. */
export interface AuditEvent {
  /** 1, 2, 3... in the order written. */
  seq: number;
  at: string;
  type: AuditEventType;
  userId?: string;
  /** Who, as shown to people: name and email at the time. */
  actor?: string;
  agency?: string;
  auditId?: string;
  /** Short, non-secret facts: route, status, update count and bytes, reason... */
  detail?: Record<string, string | number | boolean>;
  /** Hash of the previous entry ("" for the first). */
  prev: string;
  /** SHA-256 over this entry's fields and `prev`. */
  hash: string;
}

export interface AuditTrailPage {
  events: AuditEvent[];
  /** Whether every entry's hash matches and links to the one before. */
  chain: { intact: boolean; checked: number; brokenAt?: number };
}
