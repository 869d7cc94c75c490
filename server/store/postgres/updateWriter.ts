/**
 * Group commit across every document of one store: appends made while an INSERT is in flight
 * all go into the next one, a single statement (one round trip, one commit, one WAL flush) for
 * however many boards are busy. Rows are keyed (document, node, local_seq) and inserted with
 * ON CONFLICT DO NOTHING, so retrying an insert whose COMMIT did land is harmless.
 */
import type pg from "pg";
import type { Health } from "../../health.ts";
import { GroupCommit } from "../groupCommit.ts";
import { asBuffer } from "./connect.ts";

/** Waits between attempts at a failed insert; after the last, the appends waiting on it fail. */
const RETRY_DELAYS_MS = [20, 100, 500];
export const UPDATE_LOG_PART = "update-log:postgres";

const INSERT = `INSERT INTO doc_updates (document, node, local_seq, update)
  SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bytea[])
  ON CONFLICT DO NOTHING`;

interface Pending {
  document: string;
  localSeq: number;
  update: Uint8Array;
}

export class UpdateWriter {
  private readonly commits = new GroupCommit<Pending>((batch) => this.insertWithRetries(batch));
  /** local_seq is unique per node across all its documents, so a reopened document never reuses one. */
  private lastLocalSeq = 0;

  constructor(
    private readonly pool: pg.Pool,
    readonly node: string,
    private readonly health: Health,
  ) {}

  nextLocalSeq(): number {
    return ++this.lastLocalSeq;
  }

  /** Resolves once the row is committed; rejects after the retries have failed. */
  write(document: string, localSeq: number, update: Uint8Array): Promise<void> {
    return this.commits.add({ document, localSeq, update });
  }

  /** Resolves when everything queued so far is committed (or has failed). */
  settled(): Promise<void> {
    return this.commits.settled();
  }

  private async insertWithRetries(batch: Pending[]): Promise<void> {
    const values = [
      batch.map((p) => p.document),
      batch.map(() => this.node),
      batch.map((p) => p.localSeq),
      batch.map((p) => asBuffer(p.update)),
    ];
    for (let attempt = 0; ; attempt++) {
      try {
        await this.pool.query(INSERT, values);
        this.health.recovered(UPDATE_LOG_PART);
        return;
      } catch (error) {
        this.health.degraded(UPDATE_LOG_PART, `inserting update rows failed: ${String(error)}`);
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
