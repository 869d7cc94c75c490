/**
 * The lowdb side of SnapshotStore: snapshot metadata, freeze states, acknowledgements, addenda
 * and action updates live in the metadata file; snapshot content and Yjs state in their own
 * files (SnapshotFiles), so the metadata file stays small.
 */
import type { ActionUpdate } from "../../shared/domain/actions.ts";
import type { Acknowledgement, Addendum, FreezeState, SnapshotJson, SnapshotMeta } from "../../shared/domain/snapshot.ts";
import type { SnapshotRecords, SnapshotStore } from "./SnapshotStore.ts";
import type { SnapshotFiles } from "./snapshotFiles.ts";

type InAudit<T> = T & { auditId: string };

/** The collections this store keeps in the lowdb file. */
export interface SnapshotData {
  snapshots: SnapshotMeta[];
  freezes: Record<string, FreezeState>;
  acknowledgements: InAudit<Acknowledgement>[];
  addenda: InAudit<Addendum>[];
  actionUpdates: InAudit<ActionUpdate & { snapshotId: string }>[];
}

export const EMPTY_SNAPSHOT_DATA: SnapshotData = { snapshots: [], freezes: {}, acknowledgements: [], addenda: [], actionUpdates: [] };

const copy = <T>(value: T): T => structuredClone(value);

/** Drops undefined fields, which JSON would drop on the next read anyway. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** `auditId` is the store's key, not part of the shapes the API sends. */
function withoutAudit<T extends { auditId: string }>({ auditId: _, ...rest }: T): Omit<T, "auditId"> {
  return rest;
}

export class LowdbSnapshotStore implements SnapshotStore {
  constructor(
    private readonly data: () => SnapshotData,
    private readonly write: () => Promise<void>,
    private readonly files: SnapshotFiles,
  ) {}

  async create(snapshot: SnapshotJson, state: Uint8Array): Promise<void> {
    const { content, ...meta } = snapshot;
    // The files first: a listed snapshot always has its content behind it.
    await this.files.write(snapshot.auditId, snapshot.id, content, state);
    this.data().snapshots.push(plain(meta));
    await this.write();
  }

  async list(auditId: string): Promise<SnapshotMeta[]> {
    const mine = this.data().snapshots.filter((s) => s.auditId === auditId);
    // Newest first; ids break ties between snapshots taken in the same millisecond.
    return copy(mine).sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.id.localeCompare(a.id));
  }

  async get(auditId: string, snapshotId: string): Promise<SnapshotJson | undefined> {
    const meta = this.data().snapshots.find((s) => s.auditId === auditId && s.id === snapshotId);
    if (!meta) return undefined;
    const content = await this.files.readContent(auditId, snapshotId);
    return content && { ...copy(meta), content };
  }

  async loadState(auditId: string, snapshotId: string): Promise<Uint8Array | undefined> {
    const known = this.data().snapshots.some((s) => s.auditId === auditId && s.id === snapshotId);
    return known ? this.files.readState(auditId, snapshotId) : undefined;
  }

  async freezeState(auditId: string): Promise<FreezeState> {
    return copy(this.data().freezes[auditId] ?? { frozen: false });
  }

  async freezeStates(): Promise<Map<string, FreezeState>> {
    return new Map(Object.entries(copy(this.data().freezes)));
  }

  async putFreezeState(auditId: string, state: FreezeState): Promise<void> {
    this.data().freezes[auditId] = plain(state);
    await this.write();
  }

  async acknowledge(auditId: string, ack: Acknowledgement): Promise<{ ack: Acknowledgement; created: boolean }> {
    const existing = this.data().acknowledgements.find(
      (a) => a.auditId === auditId && a.snapshotId === ack.snapshotId && a.agency === ack.agency && a.by.userId === ack.by.userId,
    );
    if (existing) return { ack: copy(withoutAudit(existing)), created: false };
    this.data().acknowledgements.push(plain({ ...ack, auditId }));
    await this.write();
    return { ack: copy(ack), created: true };
  }

  async acknowledgements(auditId: string, snapshotId: string): Promise<Acknowledgement[]> {
    return this.data()
      .acknowledgements.filter((a) => a.auditId === auditId && a.snapshotId === snapshotId)
      .map((a) => copy(withoutAudit(a)));
  }

  async addAddendum(auditId: string, addendum: Addendum): Promise<void> {
    this.data().addenda.push(plain({ ...addendum, auditId }));
    await this.write();
  }

  async addenda(auditId: string, snapshotId: string): Promise<Addendum[]> {
    return this.data()
      .addenda.filter((a) => a.auditId === auditId && a.snapshotId === snapshotId)
      .map((a) => copy(withoutAudit(a)));
  }

  async addActionUpdate(auditId: string, snapshotId: string, update: ActionUpdate): Promise<void> {
    this.data().actionUpdates.push(plain({ ...update, auditId, snapshotId }));
    await this.write();
  }

  async actionUpdates(auditId: string, snapshotId: string): Promise<ActionUpdate[]> {
    return this.data()
      .actionUpdates.filter((u) => u.auditId === auditId && u.snapshotId === snapshotId)
      .map(({ auditId: _a, snapshotId: _s, ...update }) => copy(update));
  }

  async readAll(): Promise<SnapshotRecords> {
    const { snapshots, acknowledgements, addenda, actionUpdates } = this.data();
    return copy({ snapshots, acknowledgements, addenda, actionUpdates });
  }
}
