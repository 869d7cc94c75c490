/**
 * Starting on PostgreSQL: migrations applied once (also by several nodes at once, and by
 * `npm run migrate`), a changed migration or a database that may lose commits refuses the
 * start, a lost connection or a failing insert shows in health and recovers.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterEach, beforeEach, expect, test } from "vitest";
import * as Y from "yjs";
import { Health } from "../../server/health.ts";
import { PostgresStore } from "../../server/store/postgres/postgresStore.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/postgres.ts";
import { REPO_ROOT } from "../helpers/server.ts";
import { waitFor } from "../helpers/wait.ts";

const run = promisify(execFile);
let database: TestDatabase;
let admin: pg.Client;
beforeEach(async () => {
  database = await createTestDatabase();
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
});
afterEach(async () => {
  await admin.end();
  await database.drop();
});

const open = (health = new Health()) => PostgresStore.open({ url: database.url, poolMax: 3 }, health);

test("npm run migrate applies the schema once; nodes starting together migrate once", async () => {
  const first = await run("npx", ["tsx", "server/cli/migrate.ts"], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: database.url } });
  expect(first.stdout).toMatch(/Applied 001_initial/);
  const again = await run("npx", ["tsx", "server/cli/migrate.ts"], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: database.url } });
  expect(again.stdout).toMatch(/Nothing to apply/);

  const fresh = await createTestDatabase();
  try {
    const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open({ url: fresh.url, poolMax: 2 }, new Health())));
    await Promise.all(stores.map((s) => s.close()));
    const client = new pg.Client({ connectionString: fresh.url });
    await client.connect();
    const { rows } = await client.query("SELECT version, name FROM schema_migrations");
    await client.end();
    expect(rows).toEqual([{ version: 1, name: "initial" }]);
  } finally {
    await fresh.drop();
  }
});

test("a migration changed after it was applied refuses the start", async () => {
  await (await open()).close();
  await admin.query("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
  await expect(open()).rejects.toThrow(/changed after it was applied/);
});

test("a database that may lose commits (synchronous_commit off) refuses the start", async () => {
  const name = new URL(database.url).pathname.slice(1);
  await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  await expect(open()).rejects.toThrow(/synchronous_commit = off/);
});

test("a dropped connection and failing inserts show in health, and recover", async () => {
  const health = new Health();
  const store = await open(health);
  try {
    // Kill the pool's idle connections: the pool reports it instead of crashing the process.
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    await waitFor(() => health.report().problems.some((p) => p.part === "postgres:pool"));
    expect(await store.listUsers()).toEqual([]);
    expect(health.report().problems.map((p) => p.part)).not.toContain("postgres:pool");

    // Inserts fail while the table is away: after the retries the append is rejected.
    const log = await store.openDocumentLog("a1");
    await admin.query("ALTER TABLE doc_updates RENAME TO doc_updates_away");
    const doc = new Y.Doc();
    doc.getMap("m").set("k", "v");
    const failed = log.append(Y.encodeStateAsUpdate(doc));
    await expect(failed.durable).rejects.toThrow(/doc_updates/);
    expect(health.report().problems.map((p) => p.part)).toContain("update-log:postgres");

    await admin.query("ALTER TABLE doc_updates_away RENAME TO doc_updates");
    await log.append(Y.encodeStateAsUpdate(doc)).durable;
    expect(health.report().problems.map((p) => p.part)).not.toContain("update-log:postgres");
    await log.close();
  } finally {
    await store.close();
  }
});
