/**
 * What the server keeps about signed-off boards: snapshots (immutable: there is no update or
 * delete), each audit's freeze state, and what sits beside a snapshot without changing it
 * (acknowledgements, addenda, action progress recorded after the freeze).
 */
import type { ActionUpdate } from "../../shared/domain/actions.ts";
import type { Acknowledgement, Addendum, FreezeState, SnapshotJson, SnapshotMeta } from "../../shared/domain/snapshot.ts";

/** Everything a SnapshotStore holds but the snapshots' content and state and the freeze states, in the order written. */
export interface SnapshotRecords {
  snapshots: SnapshotMeta[];
  acknowledgements: Array<Acknowledgement & { auditId: string }>;
  addenda: Array<Addendum & { auditId: string }>;
  actionUpdates: Array<ActionUpdate & { auditId: string; snapshotId: string }>;
}

export interface SnapshotStore {
  /** Stores a new snapshot: its rendered JSON and the Yjs state it was rendered from. */
  create(snapshot: SnapshotJson, state: Uint8Array): Promise<void>;
  /** The audit's snapshots, newest first. */
  list(auditId: string): Promise<SnapshotMeta[]>;
  get(auditId: string, snapshotId: string): Promise<SnapshotJson | undefined>;
  /** The Yjs state the snapshot was rendered from. */
  loadState(auditId: string, snapshotId: string): Promise<Uint8Array | undefined>;

  /** `{frozen: false}` for an audit that was never frozen. */
  freezeState(auditId: string): Promise<FreezeState>;
  /** Every audit that has a freeze state (read once at start-up). */
  freezeStates(): Promise<Map<string, FreezeState>>;
  putFreezeState(auditId: string, state: FreezeState): Promise<void>;

  /** Records an acknowledgement unless that person already acknowledged for that agency; returns the one kept. */
  acknowledge(auditId: string, ack: Acknowledgement): Promise<{ ack: Acknowledgement; created: boolean }>;
  acknowledgements(auditId: string, snapshotId: string): Promise<Acknowledgement[]>;
  addAddendum(auditId: string, addendum: Addendum): Promise<void>;
  addenda(auditId: string, snapshotId: string): Promise<Addendum[]>;

  /** Progress on an action of the freeze snapshot `snapshotId`; the snapshot itself is untouched. */
  addActionUpdate(auditId: string, snapshotId: string, update: ActionUpdate): Promise<void>;
  /** Updates recorded against that freeze snapshot, oldest first. */
  actionUpdates(auditId: string, snapshotId: string): Promise<ActionUpdate[]>;

  /** Read-everything (moving an installation: npm run transfer). */
  readAll(): Promise<SnapshotRecords>;
}
