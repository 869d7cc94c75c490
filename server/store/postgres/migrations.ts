/**
 * Versioned schema migrations: ordered plain SQL files `migrations/NNN_name.sql`, each applied
 * once in its own transaction and recorded in schema_migrations with its SHA-256. Several nodes
 * may start at once: they take turns under an advisory lock. A file changed after it was applied
 * refuses the start (the database no longer matches the code's idea of it).
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";

/** Arbitrary, fixed: the advisory lock every MACA Board node takes to migrate. */
const MIGRATION_LOCK = 7_262_201;
const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  checksum: string;
  sql: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const file of (await fs.readdir(dir)).sort()) {
    const match = FILE_NAME.exec(file);
    if (!match) continue;
    const sql = await fs.readFile(path.join(dir, file), "utf8");
    migrations.push({ version: Number(match[1]), name: match[2], checksum: createHash("sha256").update(sql).digest("hex"), sql });
  }
  const versions = migrations.map((m) => m.version);
  if (new Set(versions).size !== versions.length) throw new Error(`Two migrations share a version in ${dir}`);
  return migrations;
}

/** Applies the migrations not yet applied, in order; returns those it applied. */
export async function migrate(pool: pg.Pool, migrations?: Migration[]): Promise<Migration[]> {
  const all = migrations ?? (await readMigrations());
  const client = await pool.connect();
  let failed: Error | undefined;
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    return await applyPending(client, all);
  } catch (error) {
    failed = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A failed run closes its connection, which releases the session lock with it.
    if (!failed) await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    client.release(failed);
  }
}

async function applyPending(client: pg.PoolClient, migrations: Migration[]): Promise<Migration[]> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version int PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
    "SELECT version, name, checksum FROM schema_migrations ORDER BY version",
  );
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const row of rows) {
    const file = known.get(row.version);
    if (!file) {
      throw new Error(
        `The database has migration ${row.version} (${row.name}), which this version of MACA Board does not know: it is newer than the code.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new Error(
        `Migration ${row.version} (${row.name}) was changed after it was applied (checksum differs): restore the file as it was.`,
      );
    }
  }
  const applied = new Set(rows.map((r) => r.version));
  const pending = migrations.filter((m) => !applied.has(m.version));
  for (const migration of pending) {
    try {
      await client.query("BEGIN");
      await client.query(migration.sql);
      await client.query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw new Error(
        `Migration ${migration.version} (${migration.name}) failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return pending;
}
