/**
 * Copies a whole installation from one Store into another, empty one, through the Store
 * interface only: people and access, audits with their board and meeting documents (as one
 * compacted state each), snapshots with their states, freeze states, what sits beside
 * snapshots, and the audit trail re-chained in the same order with the same times — which gives
 * the same hashes, since a hash covers only an entry's fields and the one before.
 */
import { meetingDocName } from "../../shared/meeting/index.ts";
import type { Store } from "../store/Store.ts";
import { verifyChain } from "../trail/chain.ts";

/** Trail entries appended per call (one transaction each in PostgreSQL). */
const TRAIL_BATCH = 1_000;

export class TransferRefused extends Error {}

/** Refuses a target that already holds an installation (copying into it would mix two). */
export async function checkEmptyTarget(target: Store): Promise<void> {
  const [audits, users, trail] = await Promise.all([target.listAudits(), target.listUsers(), target.readTrail()]);
  if (audits.length > 0 || users.length > 0 || trail.length > 0) {
    throw new TransferRefused(
      `the target already holds ${audits.length} audit(s), ${users.length} user(s) and ${trail.length} trail entries: transfer only into an empty database`,
    );
  }
}

export async function copyStore(source: Store, target: Store): Promise<void> {
  await checkEmptyTarget(target);
  const trail = await source.readTrail();
  const chain = verifyChain(trail);
  // Re-chaining a broken trail would hide where it was broken.
  if (!chain.intact)
    throw new TransferRefused(`the source's audit trail is broken at entry ${chain.brokenAt}: it cannot be copied as it is`);

  for (const user of await source.listUsers()) await target.createUser(user);
  for (const audit of await source.listAudits()) {
    const board = await source.loadDocument(audit.id);
    if (!board) throw new TransferRefused(`audit ${audit.id} has no stored board`);
    await target.createAudit(audit, board, []);
    const meeting = await source.loadDocument(meetingDocName(audit.id));
    if (meeting) await target.storeDocument(meetingDocName(audit.id), meeting);
  }
  for (const member of await source.listAllMembers()) await target.putMember(member);
  for (const session of await source.listAllSessions()) await target.createSession(session);
  for (const token of await source.listAllTokens()) await target.createToken(token);

  const records = await source.snapshots.readAll();
  for (const meta of records.snapshots) {
    const snapshot = await source.snapshots.get(meta.auditId, meta.id);
    const state = await source.snapshots.loadState(meta.auditId, meta.id);
    if (!snapshot || !state) throw new TransferRefused(`snapshot ${meta.id} of audit ${meta.auditId} has lost its content or state`);
    await target.snapshots.create(snapshot, state);
  }
  for (const [auditId, state] of await source.snapshots.freezeStates()) await target.snapshots.putFreezeState(auditId, state);
  for (const { auditId, ...ack } of records.acknowledgements) await target.snapshots.acknowledge(auditId, ack);
  for (const { auditId, ...addendum } of records.addenda) await target.snapshots.addAddendum(auditId, addendum);
  for (const { auditId, snapshotId, ...update } of records.actionUpdates)
    await target.snapshots.addActionUpdate(auditId, snapshotId, update);

  for (let start = 0; start < trail.length; start += TRAIL_BATCH) {
    const batch = trail.slice(start, start + TRAIL_BATCH).map(({ seq: _s, prev: _p, hash: _h, ...entry }) => entry);
    await target.appendTrail(batch);
  }
}
