/**
 * Snapshots on a real server: the hash can be recomputed from the returned content and never
 * changes; the Yjs state is kept beside the JSON; two snapshots compare per case and column;
 * absent agencies acknowledge and add addenda without changing the snapshot; only the chair
 * takes snapshots, and non-members learn nothing.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { deleteCase, readBoard } from "../../shared/board/index.ts";
import type { AuditEvent } from "../../shared/domain/account.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { type BoardConnection, connectBoard } from "../helpers/board.ts";
import { addPerson, type Person } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { recomputeHash, reviewApi } from "../helpers/snapshots.ts";

const servers: TestServer[] = [];
const connections: BoardConnection[] = [];

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  for (const server of servers.splice(0)) await server.cleanup();
});

async function setup() {
  const server = await startTestServer();
  servers.push(server);
  const http = api(server.url, server.admin);
  const audit = await createAuditOk(http, { title: "Neglect audit", agencies: ["police", "education", "health-visiting"] });
  const caseId = await addCaseOk(http, audit.id, { label: "Case 1", ageBand: "10-13" });
  const first = await addCardOk(http, audit.id, caseId, { column: "workingWell", text: "Good attendance" });
  const second = await addCardOk(http, audit.id, caseId, { column: "worried", text: "Missed appointments" });
  const add = (name: string, role: "attendee" | "observer" | "chair", agency = "police") =>
    addPerson(server.url, server.admin, { name, agency, auditId: audit.id, role });
  const [attendee, observer, outsider] = await Promise.all([
    add("Ann Attendee", "attendee", "education"),
    add("Olu Observer", "observer", "health-visiting"),
    addPerson(server.url, server.admin, { name: "Nat Outsider" }),
  ]);
  return { server, http, audit, caseId, cards: [first, second], attendee, observer, outsider, chair: reviewApi(server.url, server.admin) };
}

async function connect(server: TestServer, auditId: string, person: Person | TestServer["admin"]): Promise<BoardConnection> {
  const connection = await connectBoard(server.wsUrl, auditId, "credentials" in person ? person.credentials : person);
  connections.push(connection);
  return connection;
}

describe("taking and reading snapshots", () => {
  test("the hash is recomputable from the returned content and unchanged by later edits, across a restart", async () => {
    const s = await setup();
    const taken = await s.chair.takeSnapshot(s.audit.id, "after case 1");
    expect(taken.status).toBe(201);
    expect(taken.body.sha256).toMatch(/^[0-9a-f]{64}$/);

    const read = await s.chair.getSnapshot(s.audit.id, taken.body.id);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: taken.body.id, auditId: s.audit.id, name: "after case 1", kind: "snapshot" });
    expect(read.body.takenBy).toEqual({ userId: expect.any(String), name: expect.any(String), agency: expect.any(String) });
    expect(recomputeHash(read.body.content)).toBe(taken.body.sha256);
    expect(read.body.sha256).toBe(taken.body.sha256);
    expect(read.body.content.audit.title).toBe("Neglect audit");
    const texts = read.body.content.board.cases[0]?.columns;
    expect(texts?.workingWell.map((c) => c.text)).toEqual(["Good attendance"]);
    // Rich text is part of what was signed off.
    expect(texts?.workingWell[0]?.body).toBeDefined();

    await addCardOk(s.http, s.audit.id, s.caseId, { column: "needsToHappen", text: "Written later" });
    const again = await s.chair.getSnapshot(s.audit.id, taken.body.id);
    expect(again.body.content).toEqual(read.body.content);
    expect(recomputeHash(again.body.content)).toBe(taken.body.sha256);

    const second = await s.chair.takeSnapshot(s.audit.id, "after case 2");
    expect(second.body.sha256).not.toBe(taken.body.sha256);
    const list = await s.chair.listSnapshots(s.audit.id);
    expect(list.status).toBe(200);
    expect(list.body.map((m) => m.name)).toEqual(["after case 2", "after case 1"]);
    expect(list.body[0]).not.toHaveProperty("content");

    await s.server.restart();
    const afterRestart = await reviewApi(s.server.url, s.server.admin).getSnapshot(s.audit.id, taken.body.id);
    expect(afterRestart.body.content).toEqual(read.body.content);
    expect(recomputeHash(afterRestart.body.content)).toBe(taken.body.sha256);
  });

  test("the Yjs state is stored beside the JSON and renders to the same board", async () => {
    const s = await setup();
    const taken = await s.chair.takeSnapshot(s.audit.id, "state check");
    const read = await s.chair.getSnapshot(s.audit.id, taken.body.id);
    const file = path.join(s.server.dataDir, "snapshots", s.audit.id, `${taken.body.id}.ydoc`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await readFile(file)));
    expect(JSON.parse(JSON.stringify(readBoard(doc, { rich: true })))).toEqual(read.body.content.board);
  });

  test("any member reads snapshots; viewing is in the trail", async () => {
    const s = await setup();
    const taken = await s.chair.takeSnapshot(s.audit.id, "for everyone");
    for (const person of [s.attendee, s.observer]) {
      const mine = reviewApi(s.server.url, person.credentials);
      expect((await mine.listSnapshots(s.audit.id)).status).toBe(200);
      const read = await mine.getSnapshot(s.audit.id, taken.body.id);
      expect(read.status).toBe(200);
      expect(read.body.sha256).toBe(taken.body.sha256);
    }
    const trail = await s.http.get(`/api/audit-log?auditId=${s.audit.id}`);
    const events = (trail.body as { events: AuditEvent[] }).events;
    expect(events.filter((e) => e.type === "snapshot-viewed" && e.detail?.snapshotId === taken.body.id)).toHaveLength(2);
    expect(events.some((e) => e.type === "snapshot-taken" && e.detail?.sha256 === taken.body.sha256)).toBe(true);
  });

  test("bad input and unknown snapshots", async () => {
    const s = await setup();
    expect((await s.chair.takeSnapshot(s.audit.id, "")).status).toBe(400);
    expect((await s.http.call("POST", `/api/audits/${s.audit.id}/snapshots`, { name: "x", extra: 1 })).status).toBe(400);
    expect((await s.chair.getSnapshot(s.audit.id, "nosuchsnapshot")).status).toBe(404);
    expect((await s.chair.getSnapshot(s.audit.id, "NOT_AN_ID")).status).toBe(400);
  });
});

describe("who may take and read snapshots", () => {
  test("attendees and observers cannot snapshot, freeze or reopen (403); non-members get 404; anonymous 401", async () => {
    const s = await setup();
    const taken = await s.chair.takeSnapshot(s.audit.id, "exists");
    for (const person of [s.attendee, s.observer]) {
      const mine = reviewApi(s.server.url, person.credentials);
      expect((await mine.takeSnapshot(s.audit.id, "mine")).status).toBe(403);
      expect((await mine.freeze(s.audit.id)).status).toBe(403);
      expect((await mine.reopen(s.audit.id, { reason: "because" })).status).toBe(403);
    }
    const outsider = reviewApi(s.server.url, s.outsider.credentials);
    expect((await outsider.takeSnapshot(s.audit.id, "x")).status).toBe(404);
    expect((await outsider.listSnapshots(s.audit.id)).status).toBe(404);
    expect((await outsider.getSnapshot(s.audit.id, taken.body.id)).status).toBe(404);
    expect((await outsider.freeze(s.audit.id)).status).toBe(404);
    expect((await outsider.reopen(s.audit.id, { reason: "x" })).status).toBe(404);
    expect((await outsider.acknowledge(s.audit.id, taken.body.id)).status).toBe(404);
    expect((await outsider.addAddendum(s.audit.id, taken.body.id, "hi")).status).toBe(404);
    expect((await outsider.diff(s.audit.id, taken.body.id, taken.body.id)).status).toBe(404);
    const anonymous = reviewApi(s.server.url);
    expect((await anonymous.listSnapshots(s.audit.id)).status).toBe(401);
    expect((await anonymous.getSnapshot(s.audit.id, taken.body.id)).status).toBe(401);
    // An admin who is not a member manages the audit but does not read its board.
    const admin = await addPerson(s.server.url, s.server.admin, { name: "Other Admin", admin: true });
    const asAdmin = reviewApi(s.server.url, admin.credentials);
    expect((await asAdmin.getSnapshot(s.audit.id, taken.body.id)).status).toBe(403);
    expect((await asAdmin.takeSnapshot(s.audit.id, "x")).status).toBe(403);
    expect((await asAdmin.freeze(s.audit.id)).status).toBe(403);
  });

  test("a second chair may snapshot", async () => {
    const s = await setup();
    const chair2 = await addPerson(s.server.url, s.server.admin, {
      name: "Cora Chair",
      agency: "education",
      auditId: s.audit.id,
      role: "chair",
    });
    const taken = await reviewApi(s.server.url, chair2.credentials).takeSnapshot(s.audit.id, "by the second chair");
    expect(taken.status).toBe(201);
    const read = await s.chair.getSnapshot(s.audit.id, taken.body.id);
    expect(read.body.takenBy).toEqual({ userId: chair2.user.id, name: "Cora Chair", agency: "Education" });
  });
});

describe("acknowledgements and addenda", () => {
  test("members acknowledge for their agency (once) and add dated addenda; the snapshot does not change", async () => {
    const s = await setup();
    const taken = await s.chair.takeSnapshot(s.audit.id, "for review");
    const observer = reviewApi(s.server.url, s.observer.credentials);
    const attendee = reviewApi(s.server.url, s.attendee.credentials);

    const first = await observer.acknowledge(s.audit.id, taken.body.id);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      snapshotId: taken.body.id,
      agency: "health-visiting",
      by: { userId: s.observer.user.id, agency: "Health Visiting" },
    });
    const repeat = await observer.acknowledge(s.audit.id, taken.body.id);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(first.body);
    expect((await attendee.acknowledge(s.audit.id, taken.body.id)).status).toBe(201);

    const addendum = await observer.addAddendum(s.audit.id, taken.body.id, "  Health visiting records were checked after the meeting.  ");
    expect(addendum.status).toBe(201);
    expect(addendum.body).toMatchObject({ snapshotId: taken.body.id, text: "Health visiting records were checked after the meeting." });
    expect(addendum.body.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await observer.addAddendum(s.audit.id, taken.body.id, "")).status).toBe(400);
    expect((await observer.addAddendum(s.audit.id, taken.body.id, "x".repeat(5_001))).status).toBe(400);
    expect((await observer.addAddendum(s.audit.id, taken.body.id, "x".repeat(5_000))).status).toBe(201);
    expect((await observer.addAddendum(s.audit.id, taken.body.id, 42)).status).toBe(400);
    expect((await observer.acknowledge(s.audit.id, "nosuchsnapshot")).status).toBe(404);

    const read = await s.chair.getSnapshot(s.audit.id, taken.body.id);
    expect(read.body.acknowledgements.map((a) => a.agency).sort()).toEqual(["education", "health-visiting"]);
    expect(read.body.addenda).toHaveLength(2);
    expect(read.body.sha256).toBe(taken.body.sha256);
    expect(recomputeHash(read.body.content)).toBe(taken.body.sha256);

    const trail = await s.http.get(`/api/audit-log?auditId=${s.audit.id}`);
    const types = (trail.body as { events: AuditEvent[] }).events.map((e) => e.type);
    expect(types.filter((t) => t === "snapshot-acknowledged")).toHaveLength(2);
    expect(types.filter((t) => t === "addendum-added")).toHaveLength(2);
  });
});

describe("comparing snapshots", () => {
  test("cards added, removed and changed per case and column; whole cases added and removed", async () => {
    const s = await setup();
    const [kept, moved] = s.cards as [string, string];
    const chair = await connect(s.server, s.audit.id, s.server.admin);
    const doomedCase = chair.board.addCase("Case 2");
    const doomedCard = chair.board.addCard(doomedCase, "worried", "Only in case 2");
    const edited = chair.board.addCard(s.caseId, "needsToHappen", "Share the plan");
    const deleted = chair.board.addCard(s.caseId, "needsToHappen", "Will be deleted");
    await chair.board.flushed();
    const a = await s.chair.takeSnapshot(s.audit.id, "before");

    chair.board.setText(edited, "Share the plan with school");
    chair.board.moveCard(moved, "needsToHappen", 0);
    chair.board.deleteCard(deleted);
    const added = chair.board.addCard(s.caseId, "workingWell", "New strength");
    const newCase = chair.board.addCase("Case 3");
    const newCard = chair.board.addCard(newCase, "worried", "New finding");
    deleteCase(chair.doc, doomedCase);
    await chair.board.flushed();
    const b = await s.chair.takeSnapshot(s.audit.id, "after");

    const diff = await s.chair.diff(s.audit.id, a.body.id, b.body.id);
    expect(diff.status).toBe(200);
    expect(diff.body.from.id).toBe(a.body.id);
    expect(diff.body.to.id).toBe(b.body.id);
    expect(diff.body.from).not.toHaveProperty("content");
    const byLabel = new Map(diff.body.cases.map((c) => [c.label, c]));
    const case1 = byLabel.get("Case 1");
    expect(case1?.change).toBe("changed");
    expect(case1?.columns.workingWell?.added.map((c) => c.id)).toEqual([added]);
    expect(case1?.columns.workingWell?.changed).toEqual([]);
    expect(case1?.columns.needsToHappen?.removed.map((c) => c.text)).toEqual(["Will be deleted"]);
    expect(case1?.columns.needsToHappen?.changed).toEqual(
      expect.arrayContaining([
        { id: edited, before: "Share the plan", after: "Share the plan with school", agency: expect.any(String) },
        { id: moved, before: "Missed appointments", after: "Missed appointments", agency: expect.any(String) },
      ]),
    );
    expect(case1?.columns.worried).toEqual({ added: [], removed: [], changed: [] });
    expect(JSON.stringify(case1)).not.toContain(kept);
    expect(byLabel.get("Case 2")).toMatchObject({ change: "removed" });
    expect(byLabel.get("Case 2")?.columns.worried?.removed.map((c) => c.id)).toEqual([doomedCard]);
    expect(byLabel.get("Case 3")).toMatchObject({ change: "added" });
    expect(byLabel.get("Case 3")?.columns.worried?.added.map((c) => c.id)).toEqual([newCard]);

    const same = await s.chair.diff(s.audit.id, b.body.id, b.body.id);
    expect(same.body.cases.every((c) => c.change === "same")).toBe(true);
    expect((await s.chair.diff(s.audit.id, a.body.id, "nosuchsnapshot")).status).toBe(404);
    expect((await reviewApi(s.server.url, s.observer.credentials).diff(s.audit.id, a.body.id, b.body.id)).status).toBe(200);
  });
});
