/**
 * The PostgreSQL side of SnapshotStore: snapshots (rendered JSON and Yjs state in one row, written
 * once), freeze states, acknowledgements (one per person, agency and snapshot: the key keeps
 * the first), addenda and action updates. Records are stored whole as JSON.
 */
import type pg from "pg";
import type { ActionUpdate } from "../../../shared/domain/actions.ts";
import type { Acknowledgement, Addendum, FreezeState, SnapshotJson, SnapshotMeta } from "../../../shared/domain/snapshot.ts";
import type { SnapshotRecords, SnapshotStore } from "../SnapshotStore.ts";
import { asBuffer, bytes } from "./connect.ts";

/** JSON text for a json column: undefined fields dropped, as the lowdb store drops them. */
export const json = (value: unknown): string => JSON.stringify(value);

/** Newest first; ids break ties between snapshots taken in the same millisecond (as the lowdb store sorts). */
export const newestFirst = (a: SnapshotMeta, b: SnapshotMeta) => b.takenAt.localeCompare(a.takenAt) || b.id.localeCompare(a.id);

export class PostgresSnapshotStore implements SnapshotStore {
  constructor(private readonly pool: pg.Pool) {}

  async create(snapshot: SnapshotJson, state: Uint8Array): Promise<void> {
    const { content, ...meta } = snapshot;
    await this.pool.query("INSERT INTO snapshots (audit_id, id, meta, content, state) VALUES ($1, $2, $3, $4, $5)", [
      snapshot.auditId,
      snapshot.id,
      json(meta),
      json(content),
      asBuffer(state),
    ]);
  }

  async list(auditId: string): Promise<SnapshotMeta[]> {
    const { rows } = await this.pool.query<{ meta: SnapshotMeta }>("SELECT meta FROM snapshots WHERE audit_id = $1", [auditId]);
    return rows.map((r) => r.meta).sort(newestFirst);
  }

  async get(auditId: string, snapshotId: string): Promise<SnapshotJson | undefined> {
    const { rows } = await this.pool.query<{ meta: SnapshotMeta; content: SnapshotJson["content"] }>(
      "SELECT meta, content FROM snapshots WHERE audit_id = $1 AND id = $2",
      [auditId, snapshotId],
    );
    const row = rows[0];
    return row && { ...row.meta, content: row.content };
  }

  async loadState(auditId: string, snapshotId: string): Promise<Uint8Array | undefined> {
    const { rows } = await this.pool.query<{ state: Buffer }>("SELECT state FROM snapshots WHERE audit_id = $1 AND id = $2", [
      auditId,
      snapshotId,
    ]);
    return rows[0] && bytes(rows[0].state);
  }

  async freezeState(auditId: string): Promise<FreezeState> {
    const { rows } = await this.pool.query<{ state: FreezeState }>("SELECT state FROM freeze_states WHERE audit_id = $1", [auditId]);
    return rows[0]?.state ?? { frozen: false };
  }

  async freezeStates(): Promise<Map<string, FreezeState>> {
    const { rows } = await this.pool.query<{ audit_id: string; state: FreezeState }>("SELECT audit_id, state FROM freeze_states");
    return new Map(rows.map((r) => [r.audit_id, r.state]));
  }

  async putFreezeState(auditId: string, state: FreezeState): Promise<void> {
    await this.pool.query(
      "INSERT INTO freeze_states (audit_id, state) VALUES ($1, $2) ON CONFLICT (audit_id) DO UPDATE SET state = excluded.state",
      [auditId, json(state)],
    );
  }

  async acknowledge(auditId: string, ack: Acknowledgement): Promise<{ ack: Acknowledgement; created: boolean }> {
    const key = [auditId, ack.snapshotId, ack.agency, ack.by.userId];
    const inserted = await this.pool.query(
      `INSERT INTO acknowledgements (audit_id, snapshot_id, agency, user_id, record) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [...key, json(ack)],
    );
    if (inserted.rowCount === 1) return { ack: JSON.parse(json(ack)) as Acknowledgement, created: true };
    const { rows } = await this.pool.query<{ record: Acknowledgement }>(
      "SELECT record FROM acknowledgements WHERE audit_id = $1 AND snapshot_id = $2 AND agency = $3 AND user_id = $4",
      key,
    );
    const kept = rows[0];
    if (!kept) throw new Error("an acknowledgement that conflicted has gone");
    return { ack: kept.record, created: false };
  }

  async acknowledgements(auditId: string, snapshotId: string): Promise<Acknowledgement[]> {
    return this.records("acknowledgements", auditId, snapshotId);
  }

  async addAddendum(auditId: string, addendum: Addendum): Promise<void> {
    await this.pool.query("INSERT INTO addenda (audit_id, snapshot_id, record) VALUES ($1, $2, $3)", [
      auditId,
      addendum.snapshotId,
      json(addendum),
    ]);
  }

  async addenda(auditId: string, snapshotId: string): Promise<Addendum[]> {
    return this.records("addenda", auditId, snapshotId);
  }

  async addActionUpdate(auditId: string, snapshotId: string, update: ActionUpdate): Promise<void> {
    await this.pool.query("INSERT INTO action_updates (audit_id, snapshot_id, record) VALUES ($1, $2, $3)", [
      auditId,
      snapshotId,
      json(update),
    ]);
  }

  async actionUpdates(auditId: string, snapshotId: string): Promise<ActionUpdate[]> {
    return this.records("action_updates", auditId, snapshotId);
  }

  async readAll(): Promise<SnapshotRecords> {
    // The keys are merged here, not in SQL: a cast to jsonb would refuse a "\u0000" in a record.
    const all = async <T>(table: string) => {
      const { rows } = await this.pool.query<{ audit_id: string; snapshot_id: string; record: T }>(
        `SELECT audit_id, snapshot_id, record FROM ${table} ORDER BY ord`,
      );
      return rows.map((r) => ({ ...r.record, auditId: r.audit_id, snapshotId: r.snapshot_id }));
    };
    const snapshots = await this.pool.query<{ meta: SnapshotMeta }>("SELECT meta FROM snapshots ORDER BY ord");
    return {
      snapshots: snapshots.rows.map((r) => r.meta),
      acknowledgements: await all<Acknowledgement>("acknowledgements"),
      addenda: await all<Addendum>("addenda"),
      actionUpdates: await all<ActionUpdate>("action_updates"),
    };
  }

  private async records<T>(table: "acknowledgements" | "addenda" | "action_updates", auditId: string, snapshotId: string): Promise<T[]> {
    const { rows } = await this.pool.query<{ record: T }>(
      `SELECT record FROM ${table} WHERE audit_id = $1 AND snapshot_id = $2 ORDER BY ord`,
      [auditId, snapshotId],
    );
    return rows.map((r) => r.record);
  }
}
