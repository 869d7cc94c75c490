/**
 * The connection pool and what must hold before the server trusts PostgreSQL with saved edits:
 * an acknowledged edit is a committed row, which is only on disk if fsync and
 * synchronous_commit are on.
 */
import pg from "pg";
import type { Health } from "../../health.ts";

/** The health part that an idle connection's failure (a restarted database...) reports to. */
export const POOL_PART = "postgres:pool";

export function createPool(url: string, max: number, health: Health): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client's connection died: the pool drops it and makes a new one for the next query.
  // Without this listener the error would crash the process.
  pool.on("error", (error) => health.degraded(POOL_PART, `an idle database connection failed: ${error.message}`));
  // A new connection made it: the database answers again.
  pool.on("connect", () => health.recovered(POOL_PART));
  return pool;
}

/** Refuses a server whose commits may not be on disk when they return. */
export async function checkDurability(pool: pg.Pool): Promise<void> {
  for (const setting of ["fsync", "synchronous_commit"]) {
    const { rows } = await pool.query<Record<string, string>>(`SHOW ${setting}`);
    const value = rows[0]?.[setting];
    if (value === undefined || value === "off") {
      throw new Error(
        `PostgreSQL has ${setting} = ${value ?? "unknown"}: a committed edit could be lost in a crash. Turn it on before using STORE=postgres.`,
      );
    }
  }
}

/** Runs `work` in one transaction on one client: COMMIT when it resolves, ROLLBACK when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, begin = "BEGIN"): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A connection that cannot even roll back is not given back to the pool.
    await client.query("ROLLBACK").catch((rollback: Error) => {
      broken = rollback;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an unparsable DATABASE_URL)";
  }
}

/** pg gives bytea as a Buffer; the store hands out plain Uint8Arrays (copies). */
export const bytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer);

/** A Uint8Array as the Buffer pg sends as bytea, without copying. */
export const asBuffer = (data: Uint8Array): Buffer => Buffer.from(data.buffer, data.byteOffset, data.byteLength);
