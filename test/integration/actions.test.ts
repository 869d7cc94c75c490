/**
 * The action plan API on a real server: listing and filtering (owner agency, status, overdue),
 * SMART warnings, changing status on the live board before the freeze, and after it progress
 * recorded by the owner agency or the chair beside the unchanged frozen copy; the audit list's
 * open and overdue counts follow; reopening carries the progress over to the board.
 */
import { afterEach, describe, expect, test } from "vitest";
import { cardsMap, readAction, setAction } from "../../shared/board/index.ts";
import type { AuditEvent } from "../../shared/domain/account.ts";
import type { AuditView } from "../../shared/domain/audit.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { type BoardConnection, connectBoard } from "../helpers/board.ts";
import { addPerson } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { recomputeHash, reviewApi } from "../helpers/snapshots.ts";
import { waitFor } from "../helpers/wait.ts";

const servers: TestServer[] = [];
const connections: BoardConnection[] = [];

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  for (const server of servers.splice(0)) await server.cleanup();
});

const PAST = "2000-01-31";
const FUTURE = "2999-12-31";

async function setup() {
  const server = await startTestServer();
  servers.push(server);
  const http = api(server.url, server.admin);
  const audit = await createAuditOk(http, { title: "Actions audit", agencies: ["police", "education"] });
  const caseId = await addCaseOk(http, audit.id, { label: "Case 1" });
  const finding = await addCardOk(http, audit.id, caseId, { column: "worried", text: "No chronology shared" });
  const card = (text: string) => addCardOk(http, audit.id, caseId, { column: "needsToHappen", text });
  const ids = {
    police: await card("Police share chronology"),
    education: await card("School reviews attendance"),
    vague: await card("Someone should look at this"),
    done: await card("Already done"),
    plain: await card("Not an action"),
  };
  const chair = await connectBoard(server.wsUrl, audit.id, server.admin);
  connections.push(chair);
  await waitFor(() => chair.board.card(ids.plain), 2_000, "the cards on the chair's replica");
  setAction(chair.doc, ids.police, { ownerAgency: "police", lead: "DS Jones", dueDate: PAST, priority: "high", answers: finding });
  setAction(chair.doc, ids.education, { ownerAgency: "education", dueDate: FUTURE, status: "in-progress" });
  setAction(chair.doc, ids.vague, {});
  setAction(chair.doc, ids.done, { ownerAgency: "police", dueDate: PAST, status: "done" });
  await chair.board.flushed();
  const person = (name: string, agency: string, role: "attendee" | "observer") =>
    addPerson(server.url, server.admin, { name, agency, auditId: audit.id, role });
  const [policeAttendee, educationAttendee, policeObserver] = await Promise.all([
    person("Pat Police", "police", "attendee"),
    person("Eve Education", "education", "attendee"),
    person("Owen Observer", "police", "observer"),
  ]);
  return {
    server,
    http,
    audit,
    ids,
    finding,
    chair,
    policeAttendee,
    educationAttendee,
    policeObserver,
    review: reviewApi(server.url, server.admin),
  };
}

function statusOn(replica: BoardConnection, cardId: string) {
  const card = cardsMap(replica.doc).get(cardId);
  return card && readAction(card)?.status;
}

async function countsOf(http: ReturnType<typeof api>, auditId: string) {
  const list = await http.listAudits();
  return list.body.find((a) => a.id === auditId)?.actionCounts;
}

describe("listing the action plan", () => {
  test("every action with warnings and the finding it answers; filters by agency (id or name), status and overdue", async () => {
    const s = await setup();
    const all = await s.review.actions(s.audit.id);
    expect(all.status).toBe(200);
    expect(all.body.map((a) => a.id)).toEqual([s.ids.police, s.ids.education, s.ids.vague, s.ids.done]);
    const police = all.body[0];
    expect(police).toMatchObject({
      ownerAgency: "police",
      lead: "DS Jones",
      dueDate: PAST,
      status: "open",
      caseLabel: "Case 1",
      text: "Police share chronology",
      answersText: "No chronology shared",
      overdue: true,
      warnings: [],
      updates: [],
    });
    expect(all.body[2]?.warnings).toEqual(["No owner agency", "No due date"]);
    expect(all.body[3]?.overdue).toBe(false);

    const ids = async (query: string) => (await s.review.actions(s.audit.id, query)).body.map((a) => a.id);
    expect(await ids("?agency=police")).toEqual([s.ids.police, s.ids.done]);
    expect(await ids("?agency=Education")).toEqual([s.ids.education]);
    expect(await ids("?status=in-progress")).toEqual([s.ids.education]);
    expect(await ids("?overdue=true")).toEqual([s.ids.police]);
    expect(await ids("?agency=police&status=open&overdue=true")).toEqual([s.ids.police]);
    expect((await s.review.actions(s.audit.id, "?status=finished")).status).toBe(400);
    expect((await s.review.actions(s.audit.id, "?overdue=yes")).status).toBe(400);

    expect((await reviewApi(s.server.url, s.policeObserver.credentials).actions(s.audit.id)).status).toBe(200);
    const outsider = await addPerson(s.server.url, s.server.admin, { name: "Nat Outsider" });
    expect((await reviewApi(s.server.url, outsider.credentials).actions(s.audit.id)).status).toBe(404);
    expect((await reviewApi(s.server.url).actions(s.audit.id)).status).toBe(401);

    // The audit list counts actions still to do (open, in progress) and the overdue ones.
    expect(await countsOf(s.http, s.audit.id)).toEqual({ open: 3, overdue: 1 });
  });
});

describe("changing actions", () => {
  test("before the freeze: the chair and attendees set the status on the live board", async () => {
    const s = await setup();
    const attendee = reviewApi(s.server.url, s.educationAttendee.credentials);
    const changed = await attendee.patchAction(s.audit.id, s.ids.police, { status: "in-progress" });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: s.ids.police, status: "in-progress", updates: [] });
    await waitFor(() => statusOn(s.chair, s.ids.police) === "in-progress", 2_000, "the status on the chair's replica");

    expect(
      (await reviewApi(s.server.url, s.policeObserver.credentials).patchAction(s.audit.id, s.ids.police, { status: "done" })).status,
    ).toBe(403);
    expect((await attendee.patchAction(s.audit.id, s.ids.police, { note: "Chronology sent" })).status).toBe(400);
    expect((await attendee.patchAction(s.audit.id, s.ids.police, {})).status).toBe(400);
    expect((await attendee.patchAction(s.audit.id, s.ids.police, { status: "finished" })).status).toBe(400);
    expect((await attendee.patchAction(s.audit.id, s.ids.plain, { status: "done" })).status).toBe(404);
    expect((await attendee.patchAction(s.audit.id, "nosuchaction", { status: "done" })).status).toBe(404);

    // The list's counts follow at once (no waiting for the board to be stored).
    expect((await s.review.patchAction(s.audit.id, s.ids.education, { status: "done" })).status).toBe(200);
    expect(await countsOf(s.http, s.audit.id)).toEqual({ open: 2, overdue: 1 });
  });

  test("after the freeze: the owner agency and the chair record progress; others get 403; the frozen copy never changes", async () => {
    const s = await setup();
    const frozen = await s.review.freeze(s.audit.id);
    expect(frozen.status).toBe(201);
    expect(await countsOf(s.http, s.audit.id)).toEqual({ open: 3, overdue: 1 });

    const policeAttendee = reviewApi(s.server.url, s.policeAttendee.credentials);
    const educationAttendee = reviewApi(s.server.url, s.educationAttendee.credentials);
    const policeObserver = reviewApi(s.server.url, s.policeObserver.credentials);

    const progress = await policeAttendee.patchAction(s.audit.id, s.ids.police, { status: "in-progress", note: "Chronology requested" });
    expect(progress.status).toBe(200);
    expect(progress.body.status).toBe("in-progress");
    expect(progress.body.updates).toEqual([
      expect.objectContaining({
        actionId: s.ids.police,
        status: "in-progress",
        note: "Chronology requested",
        userId: s.policeAttendee.user.id,
        agency: "Police",
      }),
    ]);
    // An observer of the owner agency may report completion too.
    const done = await policeObserver.patchAction(s.audit.id, s.ids.police, { status: "done", note: "Chronology shared with CSC" });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "done", overdue: false });
    expect(done.body.updates).toHaveLength(2);

    expect((await educationAttendee.patchAction(s.audit.id, s.ids.police, { status: "cancelled" })).status).toBe(403);
    expect((await policeAttendee.patchAction(s.audit.id, s.ids.education, { status: "done" })).status).toBe(403);
    expect((await policeAttendee.patchAction(s.audit.id, s.ids.vague, { note: "Not ours" })).status).toBe(403);
    const byChair = await s.review.patchAction(s.audit.id, s.ids.vague, { note: "Chair to find an owner" });
    expect(byChair.status).toBe(200);
    expect(byChair.body).toMatchObject({
      status: "open",
      updates: [expect.objectContaining({ note: "Chair to find an owner", status: "open" })],
    });
    expect((await s.review.patchAction(s.audit.id, s.ids.plain, { status: "done" })).status).toBe(404);

    const plan = await policeObserver.actions(s.audit.id);
    expect(plan.body.find((a) => a.id === s.ids.police)?.status).toBe("done");
    expect((await policeObserver.actions(s.audit.id, "?overdue=true")).body).toEqual([]);
    expect(await countsOf(s.http, s.audit.id)).toEqual({ open: 2, overdue: 0 });

    // The frozen copy is untouched: same content, same hash; the live board still says "open".
    const snapshot = await s.review.getSnapshot(s.audit.id, frozen.body.snapshotId);
    expect(recomputeHash(snapshot.body.content)).toBe(frozen.body.sha256);
    const frozenCard = snapshot.body.content.board.cases[0]?.columns.needsToHappen.find((c) => c.id === s.ids.police);
    expect(frozenCard?.action?.status).toBe("open");
    expect(statusOn(s.chair, s.ids.police)).toBe("open");

    const trail = await s.http.get(`/api/audit-log?auditId=${s.audit.id}`);
    const updates = (trail.body as { events: AuditEvent[] }).events.filter((e) => e.type === "action-updated");
    expect(updates).toHaveLength(3);
    expect(updates[0]?.detail).toMatchObject({ actionId: s.ids.police, status: "in-progress", note: true, afterFreeze: true });

    // The counts survive a restart (recomputed from the freeze snapshot and its updates).
    s.chair.destroy();
    await s.server.restart();
    const afterRestart = api(s.server.url, s.server.admin);
    expect(await countsOf(afterRestart, s.audit.id)).toEqual({ open: 2, overdue: 0 });

    // Reopening carries the recorded progress over to the live board.
    const reviewAfter = reviewApi(s.server.url, s.server.admin);
    expect((await reviewAfter.reopen(s.audit.id, { reason: "Add the health visiting actions" })).status).toBe(200);
    const reopened = await reviewAfter.actions(s.audit.id);
    expect(reopened.body.find((a) => a.id === s.ids.police)).toMatchObject({ status: "done", updates: [] });
    expect(await countsOf(afterRestart, s.audit.id)).toEqual({ open: 2, overdue: 0 });
    const meta = (await afterRestart.get(`/api/audits/${s.audit.id}?board=false`)).body as AuditView;
    expect(meta.actionCounts).toEqual({ open: 2, overdue: 0 });
  });
});
