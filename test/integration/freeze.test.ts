/**
 * The freeze on a real server with real providers: while three attendees type continuously the
 * chair freezes; from then on nothing is accepted (live board = freeze snapshot, on every
 * replica, over REST and after a restart), every typist is told, REST writes get 409, and a
 * write racing the freeze is either in the snapshot or refused. Reopening (with a reason) gives
 * writers their access back; both are in the trail.
 */
import { afterEach, describe, expect, test } from "vitest";
import { readBoard } from "../../shared/board/index.ts";
import type { AuditEvent } from "../../shared/domain/account.ts";
import type { AuditView } from "../../shared/domain/audit.ts";
import type { BoardJson } from "../../shared/domain/board.ts";
import { type AccessChangedMessage, parseAccessChanged, parseEditRejected } from "../../shared/domain/liveAccess.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { type BoardConnection, connectBoard } from "../helpers/board.ts";
import { addPerson, type Credentials, type Person } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { plainBoard, recomputeHash, reviewApi } from "../helpers/snapshots.ts";
import { sleep, waitFor } from "../helpers/wait.ts";

const servers: TestServer[] = [];
const connections: BoardConnection[] = [];

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  for (const server of servers.splice(0)) await server.cleanup();
});

const AGENCIES = ["police", "education", "health-visiting"] as const;

async function setup() {
  const server = await startTestServer();
  servers.push(server);
  const http = api(server.url, server.admin);
  const audit = await createAuditOk(http, { title: "Freeze audit", agencies: [...AGENCIES] });
  const caseId = await addCaseOk(http, audit.id, { label: "Case 1" });
  await addCardOk(http, audit.id, caseId, { column: "workingWell", text: "Written before" });
  const typists = await Promise.all(
    AGENCIES.map((agency) =>
      addPerson(server.url, server.admin, { name: `Typist ${agency}`, agency, auditId: audit.id, role: "attendee" }),
    ),
  );
  const observer = await addPerson(server.url, server.admin, {
    name: "Olu Observer",
    agency: "police",
    auditId: audit.id,
    role: "observer",
  });
  return { server, http, audit, caseId, typists, observer, chair: reviewApi(server.url, server.admin) };
}

async function connect(server: TestServer, auditId: string, credentials: Credentials): Promise<BoardConnection> {
  const connection = await connectBoard(server.wsUrl, auditId, credentials);
  connections.push(connection);
  return connection;
}

/** What a page hears on its board connection. */
function listen(connection: BoardConnection) {
  const heard = { rejected: 0, access: [] as AccessChangedMessage[] };
  connection.provider.on("stateless", ({ payload }: { payload: string }) => {
    if (parseEditRejected(payload)) heard.rejected += 1;
    const access = parseAccessChanged(payload);
    if (access) heard.access.push(access);
  });
  return heard;
}

/** The board as JSON exactly as a snapshot holds it. */
const richBoard = (connection: BoardConnection): BoardJson => JSON.parse(JSON.stringify(readBoard(connection.doc, { rich: true })));

const cardIds = (board: BoardJson) =>
  new Set(
    board.cases.flatMap((c) =>
      Object.values(c.columns)
        .flat()
        .map((card) => card.id),
    ),
  );

interface Typist {
  connection: BoardConnection;
  heard: ReturnType<typeof listen>;
  /** Edits made after the freeze response arrived, and the cards added then. */
  after: { edits: number; cards: string[] };
  stop(): void;
}

/** Adds a card or rewrites the last one every few milliseconds, one transaction each. */
function startTyping(connection: BoardConnection, caseId: string, tag: string, agency: string, clock: { frozen: boolean }): Typist {
  const heard = listen(connection);
  const after = { edits: 0, cards: [] as string[] };
  const mine: string[] = [];
  let n = 0;
  const timer = setInterval(() => {
    n += 1;
    const last = mine.at(-1);
    if (n % 3 === 0 && last) {
      connection.board.setText(last, `${tag}-${n} edited`);
    } else {
      const id = connection.board.addCard(caseId, "worried", `${tag}-${n}`, agency);
      mine.push(id);
      if (clock.frozen) after.cards.push(id);
    }
    if (clock.frozen) after.edits += 1;
  }, 4);
  return { connection, heard, after, stop: () => clearInterval(timer) };
}

describe("freezing while people type", () => {
  test("after the freeze nothing is accepted, every typist is told, and the frozen board survives a restart", async () => {
    const s = await setup();
    const chairBoard = await connect(s.server, s.audit.id, s.server.admin);
    const clock = { frozen: false };
    const typists: Typist[] = [];
    for (const [i, person] of s.typists.entries()) {
      const connection = await connect(s.server, s.audit.id, person.credentials);
      typists.push(startTyping(connection, s.caseId, `T${i}`, AGENCIES[i] as string, clock));
    }
    // Freeze mid-typing, once typing has really reached the server (every update is fsync'd
    // first, so on a loaded machine the first ones can take a while).
    await waitFor(() => (readBoard(chairBoard.doc).cases[0]?.columns.worried.length ?? 0) > 10, 10_000, "typing to arrive");

    const frozen = await s.chair.freeze(s.audit.id);
    clock.frozen = true;
    expect(frozen.status).toBe(201);
    await sleep(400);
    for (const typist of typists) typist.stop();
    await sleep(300);

    const snapshot = (await s.chair.getSnapshot(s.audit.id, frozen.body.snapshotId)).body;
    expect(snapshot.kind).toBe("freeze");
    expect(snapshot.sha256).toBe(frozen.body.sha256);
    expect(recomputeHash(snapshot.content)).toBe(frozen.body.sha256);
    const frozenBoard = snapshot.content.board;
    // Typing really happened before the freeze, and every card landed whole.
    const written = frozenBoard.cases[0]?.columns.worried ?? [];
    expect(written.length).toBeGreaterThan(10);
    for (const card of written) expect(card.text).toMatch(/^T\d-\d+( edited)?$/);

    // The chair's replica, the REST read and a fresh replica all hold exactly the frozen board.
    await waitFor(() => JSON.stringify(richBoard(chairBoard)) === JSON.stringify(frozenBoard), 3_000, "the chair's replica to settle");
    const rest = await s.http.getAudit(s.audit.id);
    expect(rest.body.board).toEqual(plainBoard(frozenBoard));
    const fresh = await connect(s.server, s.audit.id, s.observer.credentials);
    expect(richBoard(fresh)).toEqual(frozenBoard);

    let attempted = 0;
    let rejected = 0;
    for (const typist of typists) {
      // Everyone heard of the freeze; each typist also had edits refused by name.
      expect(typist.heard.access).toContainEqual({ type: "access-changed", role: "attendee", readOnly: true, frozen: true });
      expect(typist.after.edits).toBeGreaterThan(0);
      expect(typist.heard.rejected).toBeGreaterThanOrEqual(typist.after.edits);
      for (const id of typist.after.cards) {
        expect(typist.connection.board.card(id)).toBeDefined();
        expect(chairBoard.board.card(id)).toBeUndefined();
      }
      attempted += typist.after.edits;
      rejected += typist.heard.rejected;
    }
    console.info(
      `freeze under typing: ${attempted} edits attempted after the freeze response, ${rejected} edit-rejected messages received`,
    );
    expect(cardIds(richBoard(chairBoard))).toEqual(cardIds(frozenBoard));

    // REST writes are refused too, and so is a second freeze.
    const card = await s.http.addCard(s.audit.id, s.caseId, { column: "worried", text: "Too late" });
    expect(card.status).toBe(409);
    expect(JSON.stringify(card.body)).toMatch(/frozen/);
    expect((await s.http.addCase(s.audit.id, { label: "Too late" })).status).toBe(409);
    expect((await s.chair.freeze(s.audit.id)).status).toBe(409);
    const meta = await s.http.get(`/api/audits/${s.audit.id}?board=false`);
    expect((meta.body as AuditView).freeze).toMatchObject({
      frozen: true,
      snapshotId: frozen.body.snapshotId,
      frozenBy: { agency: expect.any(String) },
    });

    // After a restart the board is still the frozen one, and a new connection cannot write.
    for (const connection of connections.splice(0)) connection.destroy();
    await s.server.restart();
    const afterRestart = await connect(s.server, s.audit.id, s.typists[0]?.credentials as Credentials);
    expect(richBoard(afterRestart)).toEqual(frozenBoard);
    const heard = listen(afterRestart);
    const late = afterRestart.board.addCard(s.caseId, "worried", "After the restart");
    await waitFor(() => heard.rejected > 0, 2_000, "edit-rejected after the restart");
    const observerAfter = await connect(s.server, s.audit.id, s.observer.credentials);
    expect(observerAfter.board.card(late)).toBeUndefined();
    expect(richBoard(observerAfter)).toEqual(frozenBoard);
    expect((await api(s.server.url, s.server.admin).addCard(s.audit.id, s.caseId, { column: "worried", text: "x" })).status).toBe(409);
  });

  test("REST writes racing the freeze are either in the snapshot or refused whole", async () => {
    const s = await setup();
    const writes = Array.from({ length: 40 }, (_, i) =>
      s.http.addCard(s.audit.id, s.caseId, { column: "needsToHappen", text: `REST ${i}` }),
    );
    await sleep(5);
    const frozen = await s.chair.freeze(s.audit.id);
    const results = await Promise.all(writes);
    expect(frozen.status).toBe(201);
    const snapshot = (await s.chair.getSnapshot(s.audit.id, frozen.body.snapshotId)).body;
    const inSnapshot = cardIds(snapshot.content.board);
    const live = cardIds((await s.http.getAudit(s.audit.id)).body.board);
    expect(live).toEqual(inSnapshot);
    let accepted = 0;
    for (const result of results) {
      expect([201, 409]).toContain(result.status);
      if (result.status === 201) {
        accepted += 1;
        expect(inSnapshot.has(result.body.id)).toBe(true);
      }
    }
    expect(inSnapshot.size).toBe(1 + accepted);
    console.info(
      `REST writes racing the freeze: ${accepted} accepted (all in the snapshot), ${results.length - accepted} refused with 409`,
    );
  });
});

describe("reopening", () => {
  test("the chair reopens with a reason; writers get their access back, observers stay read-only; both steps are in the trail", async () => {
    const s = await setup();
    const [person] = s.typists as [Person];
    const attendee = await connect(s.server, s.audit.id, person.credentials);
    const observer = await connect(s.server, s.audit.id, s.observer.credentials);
    const heardAttendee = listen(attendee);
    const heardObserver = listen(observer);
    expect((await s.chair.reopen(s.audit.id, { reason: "not yet" })).status).toBe(409);

    const frozen = await s.chair.freeze(s.audit.id);
    expect(frozen.status).toBe(201);
    await waitFor(() => heardObserver.access.at(-1)?.frozen === true, 2_000, "the observer to hear of the freeze");
    const dropped = attendee.board.addCard(s.caseId, "worried", "Dropped while frozen");
    await waitFor(() => heardAttendee.rejected > 0, 2_000, "edit-rejected");

    // A role change while frozen keeps the connection read-only.
    expect((await s.http.call("POST", `/api/audits/${s.audit.id}/members`, { email: s.observer.email, role: "attendee" })).status).toBe(
      200,
    );
    await waitFor(() => heardObserver.access.at(-1)?.role === "attendee", 2_000, "the role change");
    expect(heardObserver.access.at(-1)).toEqual({ type: "access-changed", role: "attendee", readOnly: true, frozen: true });
    expect((await s.http.call("POST", `/api/audits/${s.audit.id}/members`, { email: s.observer.email, role: "observer" })).status).toBe(
      200,
    );

    expect((await s.chair.reopen(s.audit.id, {})).status).toBe(400);
    expect((await s.chair.reopen(s.audit.id, { reason: "   " })).status).toBe(400);
    expect((await reviewApi(s.server.url, person.credentials).reopen(s.audit.id, { reason: "mine" })).status).toBe(403);
    const reopened = await s.chair.reopen(s.audit.id, { reason: "Police chronology arrived late" });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      frozen: false,
      reopenReason: "Police chronology arrived late",
      reopenedBy: { agency: expect.any(String) },
    });
    expect(reopened.body.snapshotId).toBeUndefined();
    expect((await s.chair.reopen(s.audit.id, { reason: "again" })).status).toBe(409);

    await waitFor(() => heardAttendee.access.at(-1)?.frozen === false, 2_000, "the attendee to hear of the reopening");
    expect(heardAttendee.access.at(-1)).toEqual({ type: "access-changed", role: "attendee", readOnly: false, frozen: false });
    await waitFor(() => heardObserver.access.at(-1)?.frozen === false, 2_000, "the observer to hear of the reopening");
    expect(heardObserver.access.at(-1)).toEqual({ type: "access-changed", role: "observer", readOnly: true, frozen: false });

    // Dropped edits left a gap in the attendee's replica: like the board page, start afresh.
    attendee.destroy();
    const fresh = await connect(s.server, s.audit.id, person.credentials);
    expect(fresh.board.card(dropped)).toBeUndefined();
    const after = fresh.board.addCard(s.caseId, "worried", "Written after reopening");
    await fresh.board.flushed();
    const chairView = await connect(s.server, s.audit.id, s.server.admin);
    await waitFor(() => chairView.board.card(after), 2_000, "the attendee's card after reopening");
    const observerCard = observer.board.addCard(s.caseId, "worried", "Observer still cannot write");
    await sleep(300);
    expect(chairView.board.card(observerCard)).toBeUndefined();
    expect(heardObserver.rejected).toBe(0);
    expect((await s.http.addCard(s.audit.id, s.caseId, { column: "worried", text: "REST again" })).status).toBe(201);

    const meta = (await s.http.get(`/api/audits/${s.audit.id}?board=false`)).body as AuditView;
    expect(meta.freeze).toMatchObject({ frozen: false, reopenReason: "Police chronology arrived late", frozenAt: expect.any(String) });
    const trail = await s.http.get(`/api/audit-log?auditId=${s.audit.id}`);
    const events = (trail.body as { events: AuditEvent[] }).events;
    expect(events.find((e) => e.type === "audit-frozen")?.detail).toMatchObject({
      snapshotId: frozen.body.snapshotId,
      sha256: frozen.body.sha256,
    });
    expect(events.find((e) => e.type === "audit-reopened")?.detail).toMatchObject({ reason: "Police chronology arrived late" });

    // It can be frozen again; the second freeze is a new snapshot with the new card.
    const again = await s.chair.freeze(s.audit.id);
    expect(again.status).toBe(201);
    expect(again.body.snapshotId).not.toBe(frozen.body.snapshotId);
    const list = await s.chair.listSnapshots(s.audit.id);
    expect(list.body.filter((m) => m.kind === "freeze")).toHaveLength(2);
  });
});
