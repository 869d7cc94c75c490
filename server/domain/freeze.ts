/**
 * Freeze and reopen. A freeze signs the board off: it takes the final snapshot and makes the
 * board read-only for everyone, enforced by the server. The order is what makes it exact:
 * 1. load the live document (the only await before the lock);
 * 2. in one synchronous step: mark the audit frozen in the FreezeGate, make every connection
 *    that could still apply an update read-only (LiveAccess tells each page), and read the
 *    board and its Yjs state for the snapshot.
 * JavaScript runs that step to the end before anything else, and every write path re-checks
 * synchronously right before applying (Hocuspocus checks `connection.readOnly`; REST writes ask
 * the gate inside their transaction), so an update either landed before the freeze (and is in
 * the snapshot) or is refused whole after it (its author gets SyncStatus false and an
 * "edit-rejected" message). Only then is the snapshot stored and the freeze state recorded.
 */
import { cardsMap, concernsMap, readAction, readConcern, setAction, updateConcern } from "../../shared/board/index.ts";
import type { ActionUpdate } from "../../shared/domain/actions.ts";
import type { AuditMeta } from "../../shared/domain/audit.ts";
import type { FreezeState, Signer, SnapshotJson } from "../../shared/domain/snapshot.ts";
import { changeLiveDocument } from "../collab/liveDocument.ts";
import type { Services } from "../services.ts";
import { concernStatusFor } from "./actionPlan.ts";
import { DomainError } from "./errors.ts";
import { buildSnapshot, type CapturedBoard, captureBoard } from "./snapshots.ts";

type FreezeDeps = Pick<Services, "hocuspocus" | "durability" | "store" | "gate" | "live" | "counts">;

export const FREEZE_SNAPSHOT_NAME = "Signed off (frozen)";

export async function freezeAudit(deps: FreezeDeps, audit: AuditMeta, signer: Signer): Promise<SnapshotJson> {
  const { hocuspocus, store, gate, live, counts } = deps;
  return gate.exclusive(audit.id, async () => {
    if (gate.isFrozen(audit.id)) throw new DomainError(409, "This audit is already frozen");
    live.assertOtherNodesReachable();
    const direct = await hocuspocus.openDirectConnection(audit.id, { source: "freeze" });
    let captured: CapturedBoard;
    try {
      const doc = direct.document;
      if (!doc) throw new Error(`Board ${audit.id} is not loaded`);
      // --- one synchronous step: lock, then read (see the comment at the top) ---
      gate.freeze(audit.id, doc.getConnections());
      live.applyFreeze(audit.id);
      // --- with several nodes, the others freeze too and this copy gets what they held (or
      // the freeze is undone and refused) ---
      await live.freezeOtherNodes(audit.id, doc);
      captured = captureBoard(doc);
      // ---
    } finally {
      await direct.disconnect();
    }
    try {
      const snapshot = buildSnapshot(audit, captured.board, { name: FREEZE_SNAPSHOT_NAME, kind: "freeze", takenBy: signer });
      await store.snapshots.create(snapshot, captured.state);
      const previous = await store.snapshots.freezeState(audit.id);
      await store.snapshots.putFreezeState(audit.id, {
        ...previous,
        frozen: true,
        snapshotId: snapshot.id,
        frozenAt: snapshot.takenAt,
        frozenBy: signer,
      });
      counts.fromFrozen(audit.id, snapshot.content.board, []);
      return snapshot;
    } catch (error) {
      // Not recorded, so not frozen: give the board back rather than leave it locked unsigned.
      gate.reopen(audit.id);
      live.applyFreeze(audit.id);
      live.reopenOtherNodes(audit.id);
      throw error;
    }
  });
}

/**
 * Reopens a frozen audit. Progress recorded on actions since the freeze is carried over to the
 * live board (latest status per action), so a later freeze does not lose it.
 */
export async function reopenAudit(deps: FreezeDeps, auditId: string, signer: Signer, reason: string): Promise<FreezeState> {
  const { store, gate, live, counts } = deps;
  return gate.exclusive(auditId, async () => {
    const state = await store.snapshots.freezeState(auditId);
    if (!state.frozen || !gate.isFrozen(auditId)) throw new DomainError(409, "This audit is not frozen");
    const updates = state.snapshotId ? await store.snapshots.actionUpdates(auditId, state.snapshotId) : [];
    const { snapshotId: _, ...rest } = state;
    const next: FreezeState = { ...rest, frozen: false, reopenedAt: new Date().toISOString(), reopenedBy: signer, reopenReason: reason };
    await store.snapshots.putFreezeState(auditId, next);
    gate.reopen(auditId);
    try {
      await carryOver(deps, auditId, updates);
    } finally {
      live.applyFreeze(auditId);
      live.reopenOtherNodes(auditId);
      counts.forget(auditId);
    }
    return next;
  });
}

async function carryOver(board: FreezeDeps, auditId: string, updates: readonly ActionUpdate[]): Promise<void> {
  const latest = new Map(updates.map((u) => [u.actionId, u.status]));
  if (latest.size === 0) return;
  await changeLiveDocument(board, auditId, (doc) => {
    for (const [actionId, status] of latest) {
      // A concern keeps what it can hold (open or actioned); other progress stays in the updates.
      const concern = concernsMap(doc).get(actionId);
      if (concern) {
        const next = concernStatusFor(status);
        if (next && readConcern(actionId, concern).status !== next) updateConcern(doc, actionId, { status: next });
        continue;
      }
      const card = cardsMap(doc).get(actionId);
      const action = card && readAction(card);
      if (action && action.status !== status) setAction(doc, actionId, { status });
    }
  });
}
