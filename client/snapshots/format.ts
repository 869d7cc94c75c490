/** How snapshots, acknowledgements and addenda read: times, kinds, signers, hashes. */
import type { Signer, SnapshotMeta } from "../../shared/domain/snapshot.ts";

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });

/** "2025-05-03T13:05:00.000Z" → "3 May 2025 at 14:05" (local time). */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return "";
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : DATE_TIME.format(time);
}

/** "Jo Chair (Children's Social Care)" */
export function signerText(signer: Signer): string {
  return `${signer.name} (${signer.agency})`;
}

export const KIND_TITLES: Record<SnapshotMeta["kind"], string> = {
  freeze: "Final, signed off",
  snapshot: "Interim",
};

/** The first characters of a hash: enough to tell snapshots apart at a glance. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

export function snapshotPath(auditId: string, snapshotId?: string): string {
  return `/audits/${auditId}/snapshots${snapshotId ? `/${snapshotId}` : ""}`;
}
