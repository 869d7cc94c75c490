/**
 * `npm run transfer`: a lowdb installation (the demo audit, live edits, the meeting state, a
 * snapshot with an acknowledgement and an addendum, the trail) moved into an empty PostgreSQL
 * database; a server on PostgreSQL then serves the same board, snapshots and an intact trail
 * with the same hashes. A non-empty target and a broken trail are refused.
 */
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import * as Y from "yjs";
import { Health } from "../../server/health.ts";
import { replayStoredDocument } from "../../server/store/index.ts";
import { LowdbStore } from "../../server/store/lowdbStore.ts";
import { PostgresStore } from "../../server/store/postgres/postgresStore.ts";
import { copyStore } from "../../server/transfer/copyStore.ts";
import { differences, takeInventory } from "../../server/transfer/inventory.ts";
import type { AuditEvent, AuditTrailPage } from "../../shared/domain/account.ts";
import type { AuditWithBoard } from "../../shared/domain/audit.ts";
import type { SnapshotMeta } from "../../shared/domain/snapshot.ts";
import { api } from "../helpers/api.ts";
import { connectBoard } from "../helpers/board.ts";
import { connectMeeting } from "../helpers/meeting.ts";
import { authHeaders } from "../helpers/people.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/postgres.ts";
import { startPostgresTestServer } from "../helpers/postgresServer.ts";
import { REPO_ROOT, startTestServer, type TestServer } from "../helpers/server.ts";
import { reviewApi } from "../helpers/snapshots.ts";

const run = promisify(execFile);

/** Runs the CLI; resolves with its exit code and output (a non-zero exit is a result here, not an error). */
async function transfer(from: string, to: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "server/cli/transfer.ts", "--from", from, "--to", to], { cwd: REPO_ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const databases: TestDatabase[] = [];
let lowdb: TestServer;
let auditId: string;
let board: AuditWithBoard["board"];
let snapshots: SnapshotMeta[];
let trail: AuditEvent[];

beforeAll(async () => {
  lowdb = await startTestServer({ demo: true });
  const http = api(lowdb.url, lowdb.admin);
  const demo = (await http.listAudits()).body[0];
  if (!demo) throw new Error("no demo audit");
  auditId = demo.id;

  const live = await connectBoard(lowdb.wsUrl, auditId, lowdb.admin);
  const caseId = live.board.read().cases[0]?.id ?? "";
  live.board.addCard(caseId, "needsToHappen", "Review the safety plan with the family", "police", "Chair");
  const meeting = await connectMeeting(lowdb.wsUrl, auditId, lowdb.admin, { socket: live.socket });
  meeting.meeting.goToCase(caseId, 15);
  await Promise.all([live.board.flushed(), meeting.meeting.flushed()]);
  meeting.destroy();
  live.destroy();

  const review = reviewApi(lowdb.url, lowdb.admin);
  const taken = await review.takeSnapshot(auditId, "Before the meeting");
  expect(taken.status).toBe(201);
  expect((await review.acknowledge(auditId, taken.body.id)).status).toBeLessThan(300);
  expect((await review.addAddendum(auditId, taken.body.id, "Police add: the visit took place")).status).toBe(201);

  board = (await http.getAudit(auditId)).body.board;
  snapshots = (await review.listSnapshots(auditId)).body;
  await lowdb.stop();
  trail = (await readFile(path.join(lowdb.dataDir, "audit-trail.jsonl"), "utf8"))
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AuditEvent);
});

afterAll(async () => {
  await lowdb?.cleanup();
  for (const database of databases) await database.drop();
});

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}

test("a lowdb installation moves to PostgreSQL with equal counts and hashes, and a server there serves it", async () => {
  const database = await freshDatabase();
  const result = await transfer(lowdb.dataDir, database.url);
  expect(result.stderr).not.toMatch(/differs|refused/);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/All 13 kinds match/);
  // Before and after, each kind printed with a count and its hash.
  expect(result.stdout).toMatch(/boards\s+1\s+[0-9a-f]{64}/);
  expect(result.stdout).toMatch(/meetings\s+1\s+[0-9a-f]{64}/);
  expect(result.stdout).toMatch(/snapshots\s+1\s+[0-9a-f]{64}/);
  expect(result.stdout.match(new RegExp(`trail\\s+${trail.length}\\s+[0-9a-f]{64}`, "g"))).toHaveLength(2);

  const server = await startPostgresTestServer({ databaseUrl: database.url });
  try {
    const http = api(server.url, server.admin);
    expect((await http.getAudit(auditId)).body.board).toEqual(board);
    expect((await reviewApi(server.url, server.admin).listSnapshots(auditId)).body).toEqual(snapshots);
    const snapshot = (await reviewApi(server.url, server.admin).getSnapshot(auditId, snapshots[0]?.id ?? "")).body;
    expect(snapshot.addenda.map((a) => a.text)).toEqual(["Police add: the visit took place"]);
    expect(snapshot.acknowledgements).toHaveLength(1);

    const response = await fetch(`${server.url}/api/audit-log`, { headers: authHeaders(server.admin) });
    const page = (await response.json()) as AuditTrailPage;
    expect(page.chain.intact).toBe(true);
    // The copied entries keep their hashes; the new server's own entries chain on after them.
    expect(page.events.slice(0, trail.length)).toEqual(trail);
    expect(page.events.length).toBeGreaterThan(trail.length);
  } finally {
    await server.cleanup();
  }

  const again = await transfer(lowdb.dataDir, database.url);
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/refused: the target already holds 1 audit/);
});

test("a source whose trail is broken is refused (re-chaining it would hide the break)", async () => {
  const file = path.join(lowdb.dataDir, "audit-trail.jsonl");
  const original = await readFile(file, "utf8");
  try {
    const lines = original.split("\n");
    const event = JSON.parse(lines[2] ?? "{}") as AuditEvent;
    lines[2] = JSON.stringify({ ...event, actor: "Someone else" });
    await writeFile(file, lines.join("\n"));
    const result = await transfer(lowdb.dataDir, (await freshDatabase()).url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/trail is broken at entry 3/);
  } finally {
    await writeFile(file, original);
  }
});

test("the inventories of source and copy match, and a change to either kind of record or document shows", async () => {
  const source = await LowdbStore.open(lowdb.dataDir, new Health());
  const database = await freshDatabase();
  const target = await PostgresStore.open({ url: database.url, poolMax: 2 }, new Health());
  try {
    await copyStore(source, target);
    const before = await takeInventory(source);
    expect(before.audits.count).toBe(1);
    expect(differences(before, await takeInventory(target))).toEqual([]);

    const someone = (await target.listUsers())[1];
    await target.updateUser(someone?.id ?? "", { name: "Renamed after the copy" });
    const log = await target.openDocumentLog(auditId);
    const doc = new Y.Doc();
    replayStoredDocument(doc, log.stored, auditId);
    const before2 = Y.encodeStateVector(doc);
    doc.getMap("extra").set("k", "v");
    await log.append(Y.encodeStateAsUpdate(doc, before2)).durable;
    await log.close();
    expect(differences(before, await takeInventory(target))).toEqual(["users", "boards"]);
  } finally {
    await source.close();
    await target.close();
  }
});

test("usage errors exit 2", async () => {
  const result = await transfer(lowdb.dataDir, "not-a-url");
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/Usage: npm run transfer/);
});
