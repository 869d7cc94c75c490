/**
 * The meeting document (`<auditId>:meeting`) on a real server with real providers, multiplexed
 * on the board's socket: only the audit's chairs write it (the server drops everyone else's
 * updates, whatever their replica shows), everyone follows it within a second, a late joiner
 * sees the room at once, role changes apply live, malformed or foreign names are refused, the
 * freeze leaves it writable for the chair, and it is stored beside the board.
 */
import { access } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import type { AuditEvent } from "../../shared/domain/account.ts";
import { type AccessChangedMessage, parseAccessChanged } from "../../shared/domain/liveAccess.ts";
import { meetingDocName } from "../../shared/meeting/schema.ts";
import { addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { connectBoard, connectDocument } from "../helpers/board.ts";
import { connectMeeting, type MeetingConnection } from "../helpers/meeting.ts";
import { addPerson, type Credentials } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { reviewApi } from "../helpers/snapshots.ts";
import { sleep, waitFor } from "../helpers/wait.ts";

const servers: TestServer[] = [];
const open: Array<{ destroy(): void }> = [];

afterEach(async () => {
  for (const connection of open.splice(0)) connection.destroy();
  for (const server of servers.splice(0)) await server.cleanup();
});

async function setup() {
  const server = await startTestServer();
  servers.push(server);
  const http = api(server.url, server.admin);
  const audit = await createAuditOk(http, { title: "Meeting audit", agencies: ["police", "education"] });
  const cases: string[] = [];
  for (const label of ["Case 1", "Case 2", "Case 3"]) cases.push(await addCaseOk(http, audit.id, { label }));
  const attendee = await addPerson(server.url, server.admin, { name: "Ada Attendee", agency: "police", auditId: audit.id });
  const observer = await addPerson(server.url, server.admin, {
    name: "Olu Observer",
    agency: "education",
    auditId: audit.id,
    role: "observer",
  });
  const auditId = audit.id;

  /** A page: its board and the meeting document on one socket, as the browser opens them. */
  const page = async (credentials: Credentials) => {
    const board = await connectBoard(server.wsUrl, auditId, credentials);
    open.push(board);
    const meeting = await connectMeeting(server.wsUrl, auditId, credentials, { socket: board.socket });
    open.push(meeting);
    return meeting;
  };
  const meetingOnly = async (credentials: Credentials) => {
    const meeting = await connectMeeting(server.wsUrl, auditId, credentials);
    open.push(meeting);
    return meeting;
  };
  const trail = async () => {
    const response = await http.get(`/api/audit-log?auditId=${auditId}&limit=1000`);
    return (response.body as { events: AuditEvent[] }).events;
  };
  return { server, http, auditId, cases, attendee, observer, page, meetingOnly, trail };
}

/** What a page hears on its meeting connection. */
function accessMessages(connection: MeetingConnection): AccessChangedMessage[] {
  const heard: AccessChangedMessage[] = [];
  connection.provider.on("stateless", ({ payload }: { payload: string }) => {
    const message = parseAccessChanged(payload);
    if (message) heard.push(message);
  });
  return heard;
}

describe("the room follows the chair", () => {
  test("the chair moves to case 3: an attendee's and an observer's replicas show it within a second", async () => {
    const s = await setup();
    const chair = await s.page(s.server.admin);
    const attendee = await s.page(s.attendee.credentials);
    const observer = await s.page(s.observer.credentials);
    expect(chair.provider.authorizedScope).toBe("read-write");
    expect(attendee.provider.authorizedScope).toBe("readonly");
    expect(observer.provider.authorizedScope).toBe("readonly");

    const started = Date.now();
    chair.meeting.goToCase(s.cases[2]);
    await waitFor(
      () => attendee.meeting.read().currentCaseId === s.cases[2] && observer.meeting.read().currentCaseId === s.cases[2],
      1_000,
      "both replicas on case 3",
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(observer.meeting.read().statuses[s.cases[2]]).toBe("in-discussion");
  });

  test("a late joiner sees the current case and the running timer at once", async () => {
    const s = await setup();
    const chair = await s.meetingOnly(s.server.admin);
    chair.meeting.goToCase(s.cases[1], 15);
    expect(chair.meeting.startTimer()).toBe(true);
    await chair.meeting.flushed();

    const late = await s.page(s.attendee.credentials);
    const seen = late.meeting.read();
    expect(seen.currentCaseId).toBe(s.cases[1]);
    expect(seen.timer).toMatchObject({ caseId: s.cases[1], state: "running", budgetMs: 15 * 60_000 });
  });
});

describe("only chairs write the meeting document", () => {
  test("an attendee's move and timer start are dropped: nobody else, no fresh replica and no restart ever shows them", async () => {
    const s = await setup();
    const chair = await s.page(s.server.admin);
    const attendee = await s.page(s.attendee.credentials);
    const observer = await s.page(s.observer.credentials);
    chair.meeting.goToCase(s.cases[1]);
    await chair.meeting.flushed();
    await waitFor(() => attendee.meeting.read().currentCaseId === s.cases[1], 2_000, "the attendee on case 2");

    attendee.meeting.goToCase(s.cases[2]);
    attendee.meeting.startTimer();
    observer.meeting.startTimer();
    await sleep(500);

    const untouched = (meeting: MeetingConnection) => {
      const state = meeting.meeting.read();
      expect(state.currentCaseId).toBe(s.cases[1]);
      expect(state.timer?.state).toBe("paused");
      expect(state.statuses[s.cases[2]]).toBeUndefined();
    };
    untouched(chair);
    untouched(await s.meetingOnly(s.server.admin));
    // Their own replica shows what they tried; the server never took it.
    expect(attendee.meeting.read().currentCaseId).toBe(s.cases[2]);
    expect(attendee.provider.hasUnsyncedChanges).toBe(true);

    for (const connection of open.splice(0)) connection.destroy();
    await s.server.restart();
    await access(path.join(s.server.dataDir, "docs", `${s.auditId}.meeting.state`));
    untouched(await s.meetingOnly(s.server.admin));
  });

  test("connects and the chair's changes are in the trail as the meeting document of the audit; the attendee's are not", async () => {
    const s = await setup();
    const chair = await s.page(s.server.admin);
    const attendee = await s.page(s.attendee.credentials);
    chair.meeting.goToCase(s.cases[0]);
    attendee.meeting.goToCase(s.cases[1]);
    await chair.meeting.flushed();
    await sleep(200);
    chair.destroy();
    attendee.destroy();

    const events = await waitFor(async () => {
      const all = await s.trail();
      return all.some((e) => e.type === "document-changed" && e.detail?.document === "meeting") ? all : undefined;
    });
    const meeting = events.filter((e) => e.detail?.document === "meeting");
    expect(meeting.filter((e) => e.type === "ws-connected").map((e) => [e.userId, e.detail?.readOnly])).toEqual(
      expect.arrayContaining([
        [s.attendee.user.id, true],
        [expect.any(String), false],
      ]),
    );
    const changed = meeting.filter((e) => e.type === "document-changed");
    expect(changed).toHaveLength(1);
    expect(changed[0].userId).not.toBe(s.attendee.user.id);
    expect(changed[0].auditId).toBe(s.auditId);
    // Board entries stay as they were: no document detail.
    expect(events.filter((e) => e.type === "ws-connected" && e.detail?.document === undefined)).toHaveLength(2);
  });

  test("a role change applies to the open meeting connection: attendee to chair is writable, chair to attendee read-only, removal closes", async () => {
    const s = await setup();
    const person = await addPerson(s.server.url, s.server.admin, { name: "Cal Cochair", agency: "police", auditId: s.auditId });
    const observer = await s.page(s.observer.credentials);
    const member = await s.page(person.credentials);
    const heard = accessMessages(member);
    const setRole = (role: string) => s.http.postJson(`/api/audits/${s.auditId}/members`, { email: person.email, role });

    expect((await setRole("chair")).status).toBe(200);
    await waitFor(() => heard.at(-1)?.readOnly === false, 1_000, "access-changed: writable");
    expect(heard.at(-1)).toEqual({ type: "access-changed", role: "chair", readOnly: false });
    member.meeting.goToCase(s.cases[2]);
    await member.meeting.flushed();
    await waitFor(() => observer.meeting.read().currentCaseId === s.cases[2], 1_000, "the observer on case 3");

    expect((await setRole("attendee")).status).toBe(200);
    await waitFor(() => heard.at(-1)?.readOnly === true, 1_000, "access-changed: read-only");
    member.meeting.goToCase(s.cases[0]);
    await sleep(400);
    expect(observer.meeting.read().currentCaseId).toBe(s.cases[2]);

    const closed = new Promise<string>((resolve) => {
      member.provider.on("close", ({ event }: { event: { reason: string } }) => resolve(event.reason));
    });
    expect((await s.http.call("DELETE", `/api/audits/${s.auditId}/members/${person.user.id}`)).status).toBe(204);
    expect(await closed).toBe("membership-removed");
  });
});

describe("who may open the meeting document", () => {
  test("malformed names, a non-member and an unknown audit are refused alike", async () => {
    const s = await setup();
    const outsider = await addPerson(s.server.url, s.server.admin, { name: "Oscar Outsider" });
    const refused = (name: string, credentials: Credentials) =>
      expect(connectDocument(s.server.wsUrl, name, credentials, { timeoutMs: 3_000 }), name).rejects.toThrow(/refused by the server/);

    for (const name of [
      `../${s.auditId}:meeting`,
      `BAD!:meeting`,
      ":meeting",
      `${s.auditId}:meeting:meeting`,
      `${s.auditId}:Meeting`,
      `${s.auditId}:meeting/../x`,
      `${s.auditId}.meeting`,
      "no-such-audit:meeting",
    ]) {
      await refused(name, s.server.admin);
    }
    await refused(meetingDocName(s.auditId), outsider.credentials);

    const refusals = (await s.trail()).filter((e) => e.type === "ws-refused");
    expect(refusals).toContainEqual(
      expect.objectContaining({ userId: outsider.user.id, detail: { reason: "not a member", document: "meeting" } }),
    );
  });
});

describe("the freeze", () => {
  test("freezing the board leaves the meeting document writable for the chair, and it stays no board", async () => {
    const s = await setup();
    const chair = await s.page(s.server.admin);
    const observer = await s.page(s.observer.credentials);
    const heard = accessMessages(chair);
    expect((await reviewApi(s.server.url, s.server.admin).freeze(s.auditId)).status).toBe(201);

    chair.meeting.goToCase(s.cases[1]);
    await chair.meeting.flushed();
    await waitFor(() => observer.meeting.read().currentCaseId === s.cases[1], 1_000, "the observer on case 2");
    expect(heard).toEqual([]);

    const later = await s.meetingOnly(s.server.admin);
    expect(later.provider.authorizedScope).toBe("read-write");
    expect(later.meeting.startTimer()).toBe(true);
    await later.meeting.flushed();
    await waitFor(() => observer.meeting.read().timer?.state === "running", 1_000, "the timer running for the observer");

    // Never migrated as a board: a board's roots (schema version, default themes) never reach it.
    for (const root of ["board", "themes", "cases", "cards"]) expect(later.doc.share.has(root), root).toBe(false);
  });
});
