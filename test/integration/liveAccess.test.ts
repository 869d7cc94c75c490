/**
 * Access changes reach open board connections at once: removal, sign-out, a revoked token, a
 * disabled account and an expired session close them; a role change makes them read-only (or
 * writable again) without a reconnect.
 */
import { afterEach, describe, expect, test } from "vitest";
import type { AccessChangedMessage } from "../../shared/domain/liveAccess.ts";
import { type Api, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { type BoardConnection, connectBoard } from "../helpers/board.ts";
import { addPerson, type Credentials, type Person, signIn } from "../helpers/people.ts";
import { startTestServer, type TestServer, type TestServerOptions } from "../helpers/server.ts";
import { sleep, waitFor } from "../helpers/wait.ts";

const servers: TestServer[] = [];
const connections: BoardConnection[] = [];

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  for (const server of servers.splice(0)) await server.cleanup();
});

interface Setup {
  server: TestServer;
  http: Api;
  auditId: string;
  caseId: string;
  chair: BoardConnection;
  person: Person;
}

async function setup(options: TestServerOptions = {}): Promise<Setup> {
  const server = await startTestServer(options);
  servers.push(server);
  const http = api(server.url, server.admin);
  const audit = await createAuditOk(http, { agencies: ["police", "education"] });
  const caseId = await addCaseOk(http, audit.id, { label: "Case 1" });
  const person = await addPerson(server.url, server.admin, { name: "Sam Member", agency: "education", auditId: audit.id });
  const chair = await connect(server, audit.id, server.admin);
  return { server, http, auditId: audit.id, caseId, chair, person };
}

async function connect(server: TestServer, auditId: string, credentials: Credentials): Promise<BoardConnection> {
  const connection = await connectBoard(server.wsUrl, auditId, credentials);
  connections.push(connection);
  return connection;
}

/** Resolves with the reason the server gives when it closes `connection`'s board. */
function closedReason(connection: BoardConnection): Promise<string> {
  return new Promise((resolve) => {
    connection.provider.on("close", ({ event }: { event: { reason: string } }) => resolve(event.reason));
  });
}

function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`no ${what} within ${ms} ms`)))]);
}

describe("membership changes", () => {
  test("removing a member closes their open board within a second, and they cannot reconnect", async () => {
    const s = await setup();
    const member = await connect(s.server, s.auditId, s.person.credentials);
    const closed = closedReason(member);

    const removed = await s.http.call("DELETE", `/api/audits/${s.auditId}/members/${s.person.user.id}`);
    expect(removed.status).toBe(204);
    expect(await within(1_000, closed, "close")).toBe("membership-removed");

    const late = member.board.addCard(s.caseId, "worried", "Written after removal");
    await sleep(300);
    expect(s.chair.board.card(late)).toBeUndefined();
    await expect(connectBoard(s.server.wsUrl, s.auditId, s.person.credentials, { timeoutMs: 3_000 })).rejects.toThrow(/refused/);
  });

  test("making an attendee an observer makes their open connection read-only at once, and back again", async () => {
    const s = await setup();
    const member = await connect(s.server, s.auditId, s.person.credentials);
    const messages: AccessChangedMessage[] = [];
    member.provider.on("stateless", ({ payload }: { payload: string }) => messages.push(JSON.parse(payload)));

    const before = member.board.addCard(s.caseId, "worried", "Written as attendee");
    await waitFor(() => s.chair.board.card(before), 5_000, "the attendee's card");

    expect((await s.http.call("POST", `/api/audits/${s.auditId}/members`, { email: s.person.email, role: "observer" })).status).toBe(200);
    await waitFor(() => messages.at(-1)?.readOnly === true, 1_000, "the access-changed message");
    expect(messages.at(-1)).toEqual({ type: "access-changed", role: "observer", readOnly: true });
    const dropped = member.board.addCard(s.caseId, "worried", "Written as observer");
    const marker = s.chair.board.addCard(s.caseId, "workingWell", "marker");
    await waitFor(() => member.board.card(marker), 5_000, "the chair's marker");
    await sleep(200);
    expect(s.chair.board.card(dropped)).toBeUndefined();

    expect((await s.http.call("POST", `/api/audits/${s.auditId}/members`, { email: s.person.email, role: "attendee" })).status).toBe(200);
    await waitFor(() => messages.at(-1)?.readOnly === false, 1_000, "the second access-changed message");
    // The dropped update left a gap in this replica's history, so (like the board page does) the
    // client starts a fresh replica; what was dropped stays dropped.
    member.destroy();
    const fresh = await connect(s.server, s.auditId, s.person.credentials);
    expect(fresh.board.card(dropped)).toBeUndefined();
    const after = fresh.board.addCard(s.caseId, "needsToHappen", "Written as attendee again");
    await waitFor(() => s.chair.board.card(after), 5_000, "the attendee's card after the role came back");
    expect(s.chair.board.card(dropped)).toBeUndefined();
  });
});

describe("sessions and tokens", () => {
  test("signing out closes the board opened with that session's cookie, and the cookie stops working", async () => {
    const s = await setup();
    const session = await signIn(s.server.url, s.person.email, s.person.password);
    const board = await connect(s.server, s.auditId, { cookie: session.cookie });
    const closed = closedReason(board);

    const out = await api(s.server.url, session).call("DELETE", "/api/session");
    expect(out.status).toBe(204);
    expect(await within(1_000, closed, "close")).toBe("session-ended");
    expect((await api(s.server.url, session).get("/api/session")).status).toBe(401);
  });

  test("an idle session expires: its board closes and its cookie is refused", async () => {
    const s = await setup({ sessions: { idleMs: 1_500, absoluteMs: 60_000 } });
    const session = await signIn(s.server.url, s.person.email, s.person.password);
    const board = await connect(s.server, s.auditId, { cookie: session.cookie });
    const closed = closedReason(board);

    expect(await within(4_000, closed, "close")).toBe("session-ended");
    expect((await api(s.server.url, session).get("/api/session")).status).toBe(401);
  });

  test("editing the board is activity: a session that edits stays signed in past its idle limit", async () => {
    const s = await setup({ sessions: { idleMs: 1_500, absoluteMs: 60_000 } });
    const session = await signIn(s.server.url, s.person.email, s.person.password);
    const board = await connect(s.server, s.auditId, { cookie: session.cookie });
    let ended = false;
    void closedReason(board).then(() => {
      ended = true;
    });
    // Nothing but the edit happens between connecting and the check, which comes after the idle
    // limit has passed since connecting and before it has passed since the edit.
    await sleep(1_000);
    const cardId = board.board.addCard(s.caseId, "worried", "Edited while signed in");
    await waitFor(() => s.chair.board.card(cardId), 2_000, "the chair to receive the edit");
    await sleep(1_000);
    expect(ended).toBe(false);
    expect((await api(s.server.url, session).get("/api/session")).status).toBe(200);
  });

  test("a session ends at its absolute lifetime even while in use", async () => {
    const s = await setup({ sessions: { idleMs: 60_000, absoluteMs: 2_000 } });
    const session = await signIn(s.server.url, s.person.email, s.person.password);
    const board = await connect(s.server, s.auditId, { cookie: session.cookie });
    const closed = closedReason(board);
    let ended = false;
    void closed.then(() => {
      ended = true;
    });
    for (let i = 0; i < 20 && !ended; i += 1) {
      board.board.addCard(s.caseId, "worried", `busy ${i}`);
      await sleep(200);
    }
    expect(await within(2_000, closed, "close")).toBe("session-ended");
  });

  test("revoking an access token closes the board opened with it and refuses the token on REST", async () => {
    const s = await setup();
    const session = await signIn(s.server.url, s.person.email, s.person.password);
    const created = await api(s.server.url, session).call("POST", "/api/tokens", { name: "script" });
    expect(created.status).toBe(201);
    const { id, token } = created.body as { id: string; token: string };
    const board = await connect(s.server, s.auditId, { token });
    const closed = closedReason(board);

    expect((await api(s.server.url, session).call("DELETE", `/api/tokens/${id}`)).status).toBe(204);
    expect(await within(1_000, closed, "close")).toBe("session-ended");
    expect((await api(s.server.url, { token }).get("/api/audits")).status).toBe(401);
  });

  test("disabling an account closes its boards and ends its sessions and tokens", async () => {
    const s = await setup();
    const session = await signIn(s.server.url, s.person.email, s.person.password);
    const byToken = await connect(s.server, s.auditId, s.person.credentials);
    const byCookie = await connect(s.server, s.auditId, { cookie: session.cookie });
    const closedToken = closedReason(byToken);
    const closedCookie = closedReason(byCookie);

    expect((await s.http.call("PATCH", `/api/users/${s.person.user.id}`, { disabled: true })).status).toBe(200);
    expect(await within(1_000, closedToken, "close")).toBe("session-ended");
    expect(await within(1_000, closedCookie, "close")).toBe("session-ended");
    expect((await api(s.server.url, s.person.credentials).get("/api/audits")).status).toBe(401);
    expect((await api(s.server.url, session).get("/api/audits")).status).toBe(401);
    const again = await fetch(`${s.server.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: s.person.email, password: s.person.password }),
    });
    expect(again.status).toBe(401);
  });
});
