/**
 * Snapshots: an immutable copy of a board, kept as the Yjs state plus the rendered board JSON,
 * with a SHA-256 over the canonical JSON of what it shows (the audit's metadata and the board,
 * rich text included), so anyone can recompute it from the JSON the API returns.
 */
import { createHash } from "node:crypto";
import * as Y from "yjs";
import { newId, readBoard } from "../../shared/board/index.ts";
import type { AuditMeta } from "../../shared/domain/audit.ts";
import type { BoardJson } from "../../shared/domain/board.ts";
import { canonicalJson } from "../../shared/domain/canonical.ts";
import type { Signer, SnapshotContent, SnapshotJson, SnapshotMeta } from "../../shared/domain/snapshot.ts";
import { readLiveDocument } from "../collab/liveDocument.ts";
import type { Services } from "../services.ts";
import type { Store } from "../store/index.ts";
import type { MemberRecord, UserRecord } from "../store/records.ts";
import { DomainError } from "./errors.ts";

/** A board as it is at one instant: what people see, and the state it was read from. */
export interface CapturedBoard {
  board: BoardJson;
  state: Uint8Array;
}

/** Synchronous on purpose: the freeze captures the board in the same tick as it locks it. */
export function captureBoard(doc: Y.Doc): CapturedBoard {
  return { board: readBoard(doc, { rich: true }), state: Y.encodeStateAsUpdate(doc) };
}

export function snapshotHash(content: SnapshotContent): string {
  return createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}

/** Who signs: the person with the agency of their membership. */
export function signerOf(user: UserRecord, member: MemberRecord | undefined): Signer {
  return { userId: user.id, name: user.name, agency: (member?.agency ?? user.agency).name };
}

export function buildSnapshot(
  audit: AuditMeta,
  board: BoardJson,
  meta: Pick<SnapshotMeta, "name" | "kind" | "takenBy"> & { takenAt?: string },
): SnapshotJson {
  // Exactly what JSON keeps (no undefined fields): the stored and returned content hash the same.
  const content = JSON.parse(JSON.stringify({ audit, board })) as SnapshotContent;
  return {
    id: newId(),
    auditId: audit.id,
    name: meta.name,
    kind: meta.kind,
    takenAt: meta.takenAt ?? new Date().toISOString(),
    takenBy: meta.takenBy,
    sha256: snapshotHash(content),
    content,
  };
}

/** Takes a named snapshot of the live board. */
export async function takeSnapshot(
  { hocuspocus, store }: Pick<Services, "hocuspocus" | "store">,
  audit: AuditMeta,
  takenBy: Signer,
  name: string,
): Promise<SnapshotJson> {
  const { board, state } = await readLiveDocument(hocuspocus, audit.id, captureBoard);
  const snapshot = buildSnapshot(audit, board, { name, kind: "snapshot", takenBy });
  await store.snapshots.create(snapshot, state);
  return snapshot;
}

/** The snapshot, or a 404 naming it. */
export async function requireSnapshot(store: Store, auditId: string, snapshotId: string): Promise<SnapshotJson> {
  const snapshot = await store.snapshots.get(auditId, snapshotId);
  if (!snapshot) throw new DomainError(404, `No snapshot with id '${snapshotId}' in this audit`);
  return snapshot;
}
