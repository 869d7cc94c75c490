/**
 * A throwaway PostgreSQL database for one run of our server (`maca_bench_<random>`), made through
 * BENCH_DATABASE_URL (default: the local server's `postgres` database) and dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  name: string;
  /** Connection URL of the new database (DATABASE_URL for our server). */
  url: string;
  /** Drops it, closing whatever still connects to it. */
  drop(): Promise<void>;
  /** PIDs of the PostgreSQL backends connected to it now (their CPU is the store's share of the work). */
  backendPids(): Promise<number[]>;
}

async function asAdmin<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  // Random hex only, so the name needs no quoting.
  const name = `maca_bench_${randomBytes(6).toString("hex")}`;
  await asAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
    backendPids: async () =>
      (await asAdmin<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [name])).map((row) => row.pid),
  };
}
