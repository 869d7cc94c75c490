/**
 * Snapshots and the freeze: immutable copies of a board (Yjs state kept on the server, rendered
 * JSON sent here) with a SHA-256 over the canonical JSON of `content`, so anyone can check that
 * what they read is what was signed off.
 */
import type { AuditMeta } from "./audit.ts";
import type { BoardJson } from "./board.ts";

export interface Signer {
  userId: string;
  name: string;
  agency: string;
}

export interface SnapshotMeta {
  id: string;
  auditId: string;
  name: string;
  /** "freeze" for the final, signed-off snapshot. */
  kind: "snapshot" | "freeze";
  takenAt: string;
  takenBy: Signer;
  /** SHA-256 (hex) of canonicalJson(content). */
  sha256: string;
}

/** What the hash covers: the audit's metadata and the board, rich text included, as they were. */
export interface SnapshotContent {
  audit: Omit<AuditMeta, "createdAt"> & { createdAt: string };
  board: BoardJson;
}

export interface SnapshotJson extends SnapshotMeta {
  content: SnapshotContent;
}

/** Whether the live board is frozen, and the history of freezes and reopenings. */
export interface FreezeState {
  frozen: boolean;
  /** The freeze snapshot while frozen. */
  snapshotId?: string;
  frozenAt?: string;
  frozenBy?: Signer;
  /** Set when the audit was reopened after a freeze. */
  reopenedAt?: string;
  reopenedBy?: Signer;
  reopenReason?: string;
}

/** An agency's "read and acknowledged" of a snapshot. */
export interface Acknowledgement {
  snapshotId: string;
  agency: string;
  by: Signer;
  at: string;
}

/** A dated comment beside a snapshot; the snapshot itself never changes. */
export interface Addendum {
  id: string;
  snapshotId: string;
  by: Signer;
  at: string;
  text: string;
}

/** Cards added, removed and changed between two snapshots, per case and column. */
export interface SnapshotDiff {
  from: SnapshotMeta;
  to: SnapshotMeta;
  cases: Array<{
    caseId: string;
    label: string;
    /** "added"/"removed" when the whole case is new or gone. */
    change: "added" | "removed" | "changed" | "same";
    columns: Record<
      string,
      {
        added: Array<{ id: string; text: string; agency: string }>;
        removed: Array<{ id: string; text: string; agency: string }>;
        changed: Array<{ id: string; before: string; after: string; agency: string }>;
      }
    >;
  }>;
}
