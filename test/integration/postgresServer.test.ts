/**
 * The whole server on PostgreSQL (STORE=postgres): REST and live edits reach the database as
 * update rows before they are acknowledged, survive a restart, and the trail stays one chain.
 */
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { AuditTrailPage } from "../../shared/domain/account.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { connectBoard } from "../helpers/board.ts";
import { authHeaders } from "../helpers/people.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/postgres.ts";
import { type PostgresTestServer, startPostgresTestServer } from "../helpers/postgresServer.ts";
import { waitFor } from "../helpers/wait.ts";

let database: TestDatabase;
let server: PostgresTestServer;
beforeAll(async () => {
  database = await createTestDatabase();
  server = await startPostgresTestServer({ databaseUrl: database.url });
});
afterAll(async () => {
  await server?.cleanup();
  await database?.drop();
});

async function rowsOf(sql: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

test("a board edited through REST and a live client survives a restart; the trail stays intact", async () => {
  const http = () => api(server.url, server.admin);
  const audit = await createAuditOk(http(), { title: "Neglect in early years", agencies: ["police", "gp"] });
  const caseId = await addCaseOk(http(), audit.id, { label: "Case 1" });
  await addCardOk(http(), audit.id, caseId, { column: "worried", text: "Missed health visits", agency: "gp" });

  const live = await connectBoard(server.wsUrl, audit.id, server.admin);
  const cardId = live.board.addCard(caseId, "needsToHappen", "Joint home visit within a week", "police", "Chair");
  await live.board.flushed();
  // Acknowledged means committed: the live edit is an update row of this board already.
  const rows = await rowsOf("SELECT count(*)::int AS n FROM doc_updates WHERE document = $1", [audit.id]);
  expect(rows[0]?.n).toBeGreaterThan(0);
  const expected = live.board.read();
  live.destroy();

  await server.restart();
  const after = await http().getAudit(audit.id);
  expect(after.status).toBe(200);
  expect(after.body.board).toEqual(expected);
  expect(after.body.board.cases[0]?.columns.needsToHappen.map((c) => c.id)).toEqual([cardId]);
  // Unloading the board compacted it: the state row holds everything, no update rows remain.
  await waitFor(async () => (await rowsOf("SELECT count(*)::int AS n FROM doc_updates WHERE document = $1", [audit.id]))[0]?.n === 0);

  const trail = await fetch(`${server.url}/api/audit-log?limit=1000`, { headers: authHeaders(server.admin) });
  const page = (await trail.json()) as AuditTrailPage;
  expect(page.chain.intact).toBe(true);
  expect(page.events.map((e) => e.type)).toEqual(expect.arrayContaining(["audit-created", "ws-connected", "document-changed"]));
});
