/**
 * Downloads from a snapshot on a real server: the learning summary as HTML (inline, strict CSP,
 * nosniff), Markdown and DOCX (attachments with safe names), the action plan as CSV; hostile
 * card text stays inert; any member may download, each download is in the trail.
 */
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setAction } from "../../shared/board/index.ts";
import type { AuditEvent } from "../../shared/domain/account.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { connectBoard } from "../helpers/board.ts";
import { addPerson, authHeaders, type Credentials, type Person } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { reviewApi } from "../helpers/snapshots.ts";

let server: TestServer;
let auditId: string;
let snapshotId: string;
let sha256: string;
let observer: Person;
let outsider: Person;

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

beforeAll(async () => {
  server = await startTestServer();
  const http = api(server.url, server.admin);
  const audit = await createAuditOk(http, { title: "Exports / audit: 'one'", agencies: ["police", "education"] });
  auditId = audit.id;
  const caseId = await addCaseOk(http, auditId, { label: "Case 1" });
  await addCardOk(http, auditId, caseId, { column: "workingWell", text: "Strong school support" });
  await addCardOk(http, auditId, caseId, { column: "worried", text: HOSTILE });
  const action = await addCardOk(http, auditId, caseId, { column: "needsToHappen", text: "Police share chronology" });
  const chair = await connectBoard(server.wsUrl, auditId, server.admin);
  setAction(chair.doc, action, { ownerAgency: "police", dueDate: "2999-01-01" });
  await chair.board.flushed();
  chair.destroy();
  observer = await addPerson(server.url, server.admin, { name: "Olu Observer", agency: "education", auditId, role: "observer" });
  outsider = await addPerson(server.url, server.admin, { name: "Nat Outsider" });
  const frozen = await reviewApi(server.url, server.admin).freeze(auditId);
  snapshotId = frozen.body.snapshotId;
  sha256 = frozen.body.sha256;
});

afterAll(async () => {
  await server?.cleanup();
});

/** GET as `credentials` (the observer by default; null for nobody). */
function download(path: string, credentials: Credentials | null = observer.credentials) {
  return fetch(`${server.url}/api/audits/${auditId}${path}`, { headers: authHeaders(credentials ?? undefined) });
}

describe("learning summary downloads", () => {
  test("HTML: inline, strict CSP, nosniff, hash shown, hostile text inert", async () => {
    const response = await download(`/snapshots/${snapshotId}/summary.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html; charset=utf-8/);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain("img-src data:");
    expect(csp).not.toContain("script-src");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="[A-Za-z0-9-]+\.html"$/);
    const html = await response.text();
    expect(html).toContain(sha256);
    expect(html).toContain("Strong school support");
    expect(html).not.toContain("<script>");
    expect(html).not.toMatch(/<img[^>]*onerror/i);
  });

  test("Markdown and DOCX: attachments with safe file names and the board's text", async () => {
    const md = await download(`/snapshots/${snapshotId}/summary.md`);
    expect(md.status).toBe(200);
    expect(md.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(md.headers.get("content-disposition")).toMatch(/^attachment; filename="?Exports-audit-one-[A-Za-z0-9-]+\.md"?$/);
    const text = await md.text();
    expect(text).toContain("Strong school support");
    expect(text).toContain(sha256);

    const docx = await download(`/snapshots/${snapshotId}/summary.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(docx.headers.get("content-disposition")).toMatch(/^attachment; filename="?[A-Za-z0-9-]+\.docx"?$/);
    const files = unzipSync(new Uint8Array(await docx.arrayBuffer()));
    const documentXml = new TextDecoder().decode(files["word/document.xml"]);
    expect(documentXml).toContain("Strong school support");
    expect(documentXml).not.toContain("<script>");
  });

  test("action plan CSV, with the same filters as the JSON list", async () => {
    const csv = await download("/actions.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="?[A-Za-z0-9-]+\.csv"?$/);
    expect(await csv.text()).toContain("Police share chronology");
    const none = await download("/actions.csv?agency=education");
    expect(await none.text()).not.toContain("Police share chronology");
    expect((await download("/actions.csv?status=nope")).status).toBe(400);
  });

  test("non-members get 404, anonymous 401, unknown snapshots 404; downloads are in the trail", async () => {
    expect((await download(`/snapshots/${snapshotId}/summary.html`, outsider.credentials)).status).toBe(404);
    expect((await download("/actions.csv", outsider.credentials)).status).toBe(404);
    expect((await download(`/snapshots/${snapshotId}/summary.docx`, null)).status).toBe(401);
    expect((await download("/snapshots/nosuchsnapshot/summary.md")).status).toBe(404);

    const trail = await api(server.url, server.admin).get(`/api/audit-log?auditId=${auditId}`);
    const downloads = (trail.body as { events: AuditEvent[] }).events.filter((e) => e.type === "export-downloaded");
    expect(downloads.map((e) => e.detail?.format)).toEqual(expect.arrayContaining(["html", "md", "docx", "csv"]));
    expect(downloads.every((e) => e.userId === observer.user.id)).toBe(true);
  });
});
