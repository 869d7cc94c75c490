/** How audit-trail entries read to people: a phrase per event type, details as "key: value". */
import type { AuditEvent, AuditEventType } from "../../shared/domain/account.ts";

export const EVENT_TITLES: Record<AuditEventType, string> = {
  "sign-in": "Signed in",
  "sign-in-failed": "Sign-in failed",
  "sign-out": "Signed out",
  "session-expired": "Session expired",
  "password-changed": "Password changed",
  "user-created": "Account created",
  "user-updated": "Account changed",
  "token-created": "Access token created",
  "token-revoked": "Access token revoked",
  "audit-created": "Audit created",
  "audit-viewed": "Audit opened",
  "trail-viewed": "Audit trail viewed",
  "trail-exported": "Audit trail downloaded",
  "member-added": "Member added",
  "member-changed": "Member changed",
  "member-removed": "Member removed",
  "api-write": "Change through the API",
  "api-refused": "Request refused",
  "ws-connected": "Board opened",
  "ws-refused": "Board refused",
  "ws-disconnected": "Board closed",
  "document-changed": "Board edited",
  "snapshot-taken": "Snapshot taken",
  "snapshot-viewed": "Snapshot opened",
  "audit-frozen": "Audit frozen (signed off)",
  "audit-reopened": "Audit reopened",
  "snapshot-acknowledged": "Snapshot read and acknowledged",
  "addendum-added": "Addendum added",
  "export-downloaded": "Export downloaded",
  "action-updated": "Action updated",
  "concern-raised": "Immediate safeguarding concern raised",
};

export function eventTitle(type: AuditEventType): string {
  return EVENT_TITLES[type] ?? type;
}

export function eventDetails(event: AuditEvent): string {
  return Object.entries(event.detail ?? {})
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join("; ");
}

const TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" });

export function eventTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : TIME.format(date);
}
