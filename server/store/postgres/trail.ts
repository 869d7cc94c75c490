/**
 * The audit trail in PostgreSQL. Every node appends to one chain: an append takes a transaction
 * advisory lock, reads the last entry and chains its batch after it (chain.ts), so entries from
 * several nodes interleave without a fork or a gap.
 */
import type pg from "pg";
import { chainAfter, EMPTY_CHAIN, type UnchainedEvent } from "../../trail/chain.ts";
import type { AuditEvent } from "../records.ts";
import { inTransaction } from "./connect.ts";

/** Arbitrary, fixed: the advisory lock held while a batch is chained and inserted. */
const TRAIL_LOCK = 7_262_202;

export async function appendTrail(pool: pg.Pool, entries: UnchainedEvent[]): Promise<AuditEvent[]> {
  if (entries.length === 0) return [];
  return inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [TRAIL_LOCK]);
    const last = await client.query<{ seq: string; hash: string }>("SELECT seq, hash FROM audit_trail ORDER BY seq DESC LIMIT 1");
    const end = last.rows[0] ? { seq: Number(last.rows[0].seq), hash: last.rows[0].hash } : EMPTY_CHAIN;
    const events = chainAfter(end, entries);
    await client.query(
      `INSERT INTO audit_trail (seq, at, audit_id, user_id, prev, hash, event)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::json[])`,
      [
        events.map((e) => e.seq),
        events.map((e) => e.at),
        events.map((e) => e.auditId ?? null),
        events.map((e) => e.userId ?? null),
        events.map((e) => e.prev),
        events.map((e) => e.hash),
        events.map((e) => JSON.stringify(e)),
      ],
    );
    return events;
  });
}

export async function readTrail(pool: pg.Pool): Promise<AuditEvent[]> {
  const { rows } = await pool.query<{ event: AuditEvent }>("SELECT event FROM audit_trail ORDER BY seq");
  return rows.map((row) => row.event);
}
