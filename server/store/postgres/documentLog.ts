/**
 * A DocumentLog in PostgreSQL: the document's last compacted state (doc_states) plus update rows
 * (doc_updates) that any node may append to. Appends go through the store's UpdateWriter (group
 * commit across documents). Compaction merges the new state into the stored one under a row lock
 * and deletes only rows the merged state holds, so two nodes compacting one document at once
 * cannot lose each other's updates, and the stored state never goes backwards.
 */
import type pg from "pg";
import * as Y from "yjs";
import type { DocumentLog, LoggedUpdate, StoredDocument } from "../DocumentLog.ts";
import { asBuffer, bytes, inTransaction } from "./connect.ts";
import type { UpdateWriter } from "./updateWriter.ts";

/**
 * Row ids are taken when a row is inserted, so one can commit just after a higher id was read:
 * each read of other nodes' rows looks back this many ids and skips the ones already seen.
 */
const FOREIGN_LOOKBACK_IDS = 1_000;

/** An empty Yjs update: the placeholder state of a row created only to be locked. */
const EMPTY_UPDATE = Uint8Array.of(0, 0);

/** The state row and every update row of a document, read in one snapshot of the database. */
export async function readStoredDocument(pool: pg.Pool, document: string): Promise<StoredDocument> {
  return inTransaction(
    pool,
    async (client) => {
      const state = await client.query<{ state: Buffer }>("SELECT state FROM doc_states WHERE document = $1", [document]);
      const rows = await client.query<{ id: string; update: Buffer }>(
        "SELECT id, update FROM doc_updates WHERE document = $1 ORDER BY id",
        [document],
      );
      const stateRow = state.rows[0];
      const updates: LoggedUpdate[] = rows.rows.map((row) => ({ seq: Number(row.id), update: bytes(row.update) }));
      return { state: stateRow && bytes(stateRow.state), updates };
    },
    "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
  );
}

/** Both states applied to one document: everything either holds (both are server encodings, never raw client rows). */
function mergeStates(stored: Uint8Array, state: Uint8Array): { merged: Uint8Array; snapshot: Y.Snapshot } {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, stored);
    Y.applyUpdate(doc, state);
    return { merged: Y.encodeStateAsUpdate(doc), snapshot: Y.snapshot(doc) };
  } finally {
    doc.destroy();
  }
}

export class PostgresDocumentLog implements DocumentLog {
  /** Appends not yet committed (or failed), by seq. */
  private readonly pending = new Map<number, Promise<void>>();
  /** Bytes of this log's rows not yet compacted, by seq (0 for the rows read at open). */
  private readonly uncompacted = new Map<number, number>();
  /** Ids of other nodes' rows already read (at open or since), within the look-back window. */
  private readonly foreignSeen = new Set<number>();
  private foreignMaxId = 0;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly writer: UpdateWriter,
    private readonly document: string,
    readonly stored: StoredDocument,
  ) {
    // What was read at open is replayed on the next load until a compaction folds it in.
    this.uncompacted.set(
      0,
      stored.updates.reduce((sum, u) => sum + u.update.length, 0),
    );
    for (const { seq } of stored.updates) this.noteForeign(seq);
  }

  static async open(pool: pg.Pool, writer: UpdateWriter, document: string): Promise<PostgresDocumentLog> {
    return new PostgresDocumentLog(pool, writer, document, await readStoredDocument(pool, document));
  }

  get logBytes(): number {
    let sum = 0;
    for (const size of this.uncompacted.values()) sum += size;
    return sum;
  }

  append(update: Uint8Array): { seq: number; durable: Promise<void> } {
    const seq = this.writer.nextLocalSeq();
    const durable = this.writer.write(this.document, seq, update);
    this.pending.set(seq, durable);
    this.uncompacted.set(seq, update.length);
    const forget = () => this.pending.delete(seq);
    durable.then(forget, () => {
      forget();
      this.uncompacted.delete(seq);
    });
    return { seq, durable };
  }

  async abort(seq: number): Promise<void> {
    // Wait for the row to be inserted (or not), then take it out.
    await this.pending.get(seq)?.catch(() => {});
    await this.pool.query("DELETE FROM doc_updates WHERE document = $1 AND node = $2 AND local_seq = $3", [
      this.document,
      this.writer.node,
      seq,
    ]);
    this.uncompacted.delete(seq);
  }

  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled(this.pending.values());
  }

  async compact(state: Uint8Array, throughSeq: number): Promise<void> {
    // The rows this state covers must be in before they can be deleted.
    await Promise.allSettled([...this.pending].filter(([seq]) => seq <= throughSeq).map(([, durable]) => durable));
    await inTransaction(this.pool, async (client) => {
      await client.query("INSERT INTO doc_states (document, state) VALUES ($1, $2) ON CONFLICT (document) DO NOTHING", [
        this.document,
        asBuffer(EMPTY_UPDATE),
      ]);
      const locked = await client.query<{ state: Buffer }>("SELECT state FROM doc_states WHERE document = $1 FOR UPDATE", [this.document]);
      const stored = locked.rows[0]?.state ?? EMPTY_UPDATE;
      const { merged, snapshot } = mergeStates(stored, state);
      await client.query("UPDATE doc_states SET state = $2 WHERE document = $1", [this.document, asBuffer(merged)]);
      // This node's rows up to throughSeq are in `state` by the caller's word.
      await client.query("DELETE FROM doc_updates WHERE document = $1 AND node = $2 AND local_seq <= $3", [
        this.document,
        this.writer.node,
        throughSeq,
      ]);
      // Other nodes' rows go only if the merged state holds every insertion and deletion in them.
      const others = await client.query<{ id: string; update: Buffer }>(
        "SELECT id, update FROM doc_updates WHERE document = $1 AND node <> $2",
        [this.document, this.writer.node],
      );
      const contained = others.rows.filter((row) => Y.snapshotContainsUpdate(snapshot, row.update)).map((row) => row.id);
      if (contained.length > 0) await client.query("DELETE FROM doc_updates WHERE id = ANY($1::bigint[])", [contained]);
    });
    for (const seq of this.uncompacted.keys()) if (seq <= throughSeq) this.uncompacted.delete(seq);
  }

  async readForeignUpdates(): Promise<Uint8Array[]> {
    const from = Math.max(0, this.foreignMaxId - FOREIGN_LOOKBACK_IDS);
    const rows = await this.pool.query<{ id: string; update: Buffer }>(
      "SELECT id, update FROM doc_updates WHERE document = $1 AND node <> $2 AND id > $3 ORDER BY id",
      [this.document, this.writer.node, from],
    );
    const fresh = rows.rows.filter((row) => !this.foreignSeen.has(Number(row.id)));
    for (const row of fresh) this.noteForeign(Number(row.id));
    // Only the window can still matter.
    for (const id of this.foreignSeen) if (id <= this.foreignMaxId - FOREIGN_LOOKBACK_IDS) this.foreignSeen.delete(id);
    return fresh.map((row) => bytes(row.update));
  }

  private noteForeign(id: number): void {
    this.foreignSeen.add(id);
    if (id > this.foreignMaxId) this.foreignMaxId = id;
  }

  async close(): Promise<void> {
    await this.settled();
  }
}
