/**
 * The durable form of one live document: its last compacted state plus an append-only log of
 * every update since. An update is appended (and fsync'd, many sharing one fsync) before the
 * server applies and acknowledges it; compaction folds the log into a new state now and then.
 */

export interface LoggedUpdate {
  seq: number;
  update: Uint8Array;
}

export interface StoredDocument {
  /** The last compacted state; undefined when the document was never stored. */
  state: Uint8Array | undefined;
  /** Every update logged after that state, in order, without those marked never applied. */
  updates: LoggedUpdate[];
}

export interface DocumentLog {
  /** What was on disk when the log was opened. */
  readonly stored: StoredDocument;
  /** Bytes appended since the last compaction: the cost of replaying the log on the next load. */
  readonly logBytes: number;
  /**
   * Appends an update. `seq` is given at once (in call order); `durable` resolves once the update
   * is on disk, or rejects after the retries have failed (the update must then not be applied).
   */
  append(update: Uint8Array): { seq: number; durable: Promise<void> };
  /** Records that the update `seq` was logged but never applied, so no reload applies it. */
  abort(seq: number): Promise<void>;
  /** Resolves when everything appended so far is on disk (or has failed). */
  settled(): Promise<void>;
  /**
   * Replaces the stored state by `state`, which must contain every update up to `throughSeq`,
   * and drops those updates from the log. Refuses a state that lacks anything the stored state
   * has: storage never goes backwards.
   */
  compact(state: Uint8Array, throughSeq: number): Promise<void>;
  /** Waits for pending appends, then releases the file. */
  close(): Promise<void>;
  /**
   * Where several nodes share the log (PostgreSQL): updates other nodes have logged for this
   * document since the last call (or since it was opened), oldest first. Redis carries them
   * live; this catches what Redis did not (an outage, a node that died before relaying).
   */
  readForeignUpdates?(): Promise<Uint8Array[]>;
}
