/**
 * Immediate safeguarding concerns on a real server with real providers: whoever raises one is
 * stamped by the server (name and membership agency, whatever the client claims, and for good);
 * the trail records who raised it on which case, never its text; the action plan lists it first
 * as urgent, a PATCH before the freeze marks it actioned, after the freeze its owner agency
 * records progress (carried back to the board on reopening), and the learning summary shows it
 * first as "Urgent".
 */
import { afterEach, describe, expect, test } from "vitest";
import { CONCERN_FIELD, concernsMap, raiseConcern, readConcerns, setAction } from "../../shared/board/index.ts";
import type { AuditEvent } from "../../shared/domain/account.ts";
import type { AuditView } from "../../shared/domain/audit.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { type BoardConnection, connectBoard } from "../helpers/board.ts";
import { addPerson, authHeaders, type Credentials } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { reviewApi } from "../helpers/snapshots.ts";
import { sleep, waitFor } from "../helpers/wait.ts";
import { docxLines, unzipDocx } from "./outputsText.ts";

const servers: TestServer[] = [];
const open: BoardConnection[] = [];

afterEach(async () => {
  for (const connection of open.splice(0)) connection.destroy();
  for (const server of servers.splice(0)) await server.cleanup();
});

const CONCERN = "Younger sibling still living with the alleged perpetrator; no strategy discussion held";

async function setup() {
  const server = await startTestServer();
  servers.push(server);
  const http = api(server.url, server.admin);
  const audit = await createAuditOk(http, { title: "Concerns audit", agencies: ["police", "childrens-social-care", "education"] });
  await addCaseOk(http, audit.id, { label: "Case 1" });
  const caseId = await addCaseOk(http, audit.id, { label: "Case 2" });
  const cardId = await addCardOk(http, audit.id, caseId, { column: "needsToHappen", text: "Review the safety plan" });
  const police = await addPerson(server.url, server.admin, { name: "Pat Police", agency: "police", auditId: audit.id });
  const social = await addPerson(server.url, server.admin, { name: "Cas Social", agency: "childrens-social-care", auditId: audit.id });
  const observer = await addPerson(server.url, server.admin, {
    name: "Olu Observer",
    agency: "education",
    auditId: audit.id,
    role: "observer",
  });
  const connect = async (credentials: Credentials) => {
    const connection = await connectBoard(server.wsUrl, audit.id, credentials);
    open.push(connection);
    return connection;
  };
  const chair = await connect(server.admin);
  setAction(chair.doc, cardId, { ownerAgency: "education", dueDate: "2099-01-31", priority: "medium" });
  await chair.board.flushed();
  const trail = async () => {
    const response = await http.get(`/api/audit-log?auditId=${audit.id}&limit=1000`);
    return (response.body as { events: AuditEvent[] }).events;
  };
  return { server, http, auditId: audit.id, caseId, cardId, police, social, observer, chair, connect, trail };
}

/** Raises CONCERN on `caseId` from `connection`'s replica, claiming to be someone else. */
function raiseAsImpostor(connection: BoardConnection, caseId: string): string {
  return raiseConcern(connection.doc, {
    caseId,
    concern: CONCERN,
    agency: "childrens-social-care",
    who: "Duty team manager",
    raisedBy: "Chief Constable",
    raisedByAgency: "Health Visiting",
  });
}

describe("raising a concern", () => {
  test("is stamped with the raiser's real name and agency, for good, and is in the trail without its text", async () => {
    const s = await setup();
    const police = await s.connect(s.police.credentials);
    const id = raiseAsImpostor(police, s.caseId);
    const stamped = (connection: BoardConnection) => {
      const concern = readConcerns(connection.doc).find((c) => c.id === id);
      return concern?.raisedBy === "Pat Police" && concern.raisedByAgency === "Police" && concern;
    };
    const seen = await waitFor(() => stamped(s.chair), 2_000, "the chair's replica to show the stamped concern");
    expect(seen).toMatchObject({ caseId: s.caseId, concern: CONCERN, agency: "childrens-social-care", status: "open" });
    await waitFor(() => stamped(police), 2_000, "the raiser's own replica to be corrected");

    // A later rewrite of the stamp is put back, everywhere.
    concernsMap(police.doc).get(id)?.set(CONCERN_FIELD.raisedBy, "Someone Else");
    concernsMap(police.doc).get(id)?.set(CONCERN_FIELD.raisedByAgency, "Education");
    await sleep(300);
    await waitFor(() => stamped(police) && stamped(s.chair), 2_000, "the stamp to be restored");

    const events = await waitFor(async () => {
      const all = await s.trail();
      return all.some((e) => e.type === "concern-raised") ? all : undefined;
    });
    const raised = events.filter((e) => e.type === "concern-raised");
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      userId: s.police.user.id,
      agency: "Police",
      auditId: s.auditId,
      detail: { concernId: id, caseId: s.caseId, mustAct: "childrens-social-care", chars: CONCERN.length },
    });
    expect(raised[0].actor).toContain("Pat Police");
    // The trail never repeats case content.
    expect(JSON.stringify(events)).not.toContain("perpetrator");
  });

  test("an observer cannot raise one", async () => {
    const s = await setup();
    const observer = await s.connect(s.observer.credentials);
    raiseAsImpostor(observer, s.caseId);
    await sleep(400);
    expect(readConcerns(s.chair.doc)).toEqual([]);
    expect((await s.trail()).some((e) => e.type === "concern-raised")).toBe(false);
  });
});

describe("the action plan", () => {
  test("lists the concern first as urgent; a PATCH before the freeze marks it actioned; after it the owner agency records progress", async () => {
    const s = await setup();
    const police = await s.connect(s.police.credentials);
    const id = raiseAsImpostor(police, s.caseId);
    await police.board.flushed();
    const chair = reviewApi(s.server.url, s.server.admin);
    const asPolice = reviewApi(s.server.url, s.police.credentials);
    const asSocial = reviewApi(s.server.url, s.social.credentials);
    const openCount = async () => {
      const audits = (await s.http.listAudits()).body as AuditView[];
      return audits.find((a) => a.id === s.auditId)?.actionCounts.open;
    };

    const plan = (await chair.actions(s.auditId)).body;
    expect(plan.map((a) => a.id)).toEqual([id, s.cardId]);
    expect(plan[0]).toMatchObject({
      urgent: true,
      priority: "high",
      ownerAgency: "childrens-social-care",
      lead: "Duty team manager",
      caseLabel: "Case 2",
      text: CONCERN,
      status: "open",
    });
    expect(plan[0].dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(plan[1].urgent).toBeUndefined();
    expect(await openCount()).toBe(2);

    // Before the freeze: open or done only; done marks the concern actioned on the live board.
    expect((await asPolice.patchAction(s.auditId, id, { status: "in-progress" })).status).toBe(400);
    const done = await asPolice.patchAction(s.auditId, id, { status: "done" });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id, status: "done", urgent: true });
    await waitFor(() => readConcerns(s.chair.doc)[0]?.status === "actioned", 2_000, "the concern actioned on the chair's replica");
    expect(await openCount()).toBe(1);
    expect((await asPolice.patchAction(s.auditId, id, { status: "open" })).body).toMatchObject({ status: "open" });
    expect(await openCount()).toBe(2);

    // After the freeze: the owner agency (and the chair) record progress; others may not.
    const frozen = await chair.freeze(s.auditId);
    expect(frozen.status).toBe(201);
    expect((await asPolice.patchAction(s.auditId, id, { status: "done" })).status).toBe(403);
    const progress = await asSocial.patchAction(s.auditId, id, { status: "done", note: "Strategy discussion held" });
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ id, status: "done", urgent: true });
    expect((await chair.actions(s.auditId)).body[0]).toMatchObject({ id, status: "done" });

    // The learning summary lists it first, marked Urgent, in every format's table.
    const summary = await s.http.get(`/api/audits/${s.auditId}/snapshots/${frozen.body.snapshotId}/summary.md`);
    const rows = String(summary.body)
      .split("\n")
      .filter((line) => /^\| \d+ \|/.test(line));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("Younger sibling");
    expect(rows[0]).toContain("| **Urgent** |");
    expect(rows[1]).toContain("| Medium |");
    const html = String((await s.http.get(`/api/audits/${s.auditId}/snapshots/${frozen.body.snapshotId}/summary.html`)).body);
    expect(html).toContain('<strong class="urgent">Urgent</strong>');
    const docx = await fetch(`${s.server.url}/api/audits/${s.auditId}/snapshots/${frozen.body.snapshotId}/summary.docx`, {
      headers: authHeaders(s.server.admin),
    });
    const xml = unzipDocx(Buffer.from(await docx.arrayBuffer()))["word/document.xml"];
    const firstRow = /<w:tbl>[\s\S]*?<\/w:tr>[\s\S]*?(<w:tr[ >][\s\S]*?<\/w:tr>)/.exec(xml)?.[1] ?? "";
    expect(docxLines(firstRow).join(" ")).toMatch(/Younger sibling.*Urgent/);
    const csv = String((await s.http.get(`/api/audits/${s.auditId}/actions.csv`)).body);
    expect(csv.split("\r\n")[1]).toContain("Urgent");

    // Reopening carries the recorded progress back to the live concern.
    expect((await chair.reopen(s.auditId, { reason: "Add a late finding" })).status).toBe(200);
    await waitFor(() => readConcerns(s.chair.doc)[0]?.status === "actioned", 2_000, "the live concern actioned after reopening");
  });
});
