/**
 * The public REST contract on a real server: what scripts and integrations rely on, and that
 * every bad input gets a 4xx with a JSON {error} naming the problem.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_THEMES, SCHEMA_VERSION, themeIdFor } from "../../shared/board/index.ts";
import { LIMITS } from "../../shared/validation/limits.ts";
import { type Api, type ApiResponse, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let http: Api;

beforeAll(async () => {
  server = await startTestServer();
  http = api(server.url, server.admin);
});

afterAll(async () => {
  await server?.cleanup();
});

/** A 4xx answer in the API's error shape whose message mentions `mention`. */
function expectError(response: ApiResponse<unknown>, status: number, mention?: RegExp): string {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.contentType).toMatch(/^application\/json/);
  const body = response.body as { error?: unknown };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(typeof body.error).toBe("string");
  const message = body.error as string;
  expect(message.trim().length).toBeGreaterThan(0);
  if (mention) expect(message).toMatch(mention);
  // Never a stack trace or an HTML error page.
  expect(message).not.toMatch(/\n\s+at |<html/i);
  return message;
}

describe("the public contract", () => {
  test("GET /api/health answers {ok: true}", async () => {
    const response = await http.health();
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true, status: "ok", problems: 0 });
  });

  test("GET /api/agencies lists the default agencies including Police and Children's Social Care", async () => {
    const response = await http.agencies();
    expect(response.status).toBe(200);
    const names = response.body.map((a) => a.name);
    expect(names).toContain("Police");
    expect(names).toContain("Children's Social Care");
    for (const agency of response.body) expect(agency.id).toMatch(/^[a-z0-9-]+$/);
  });

  test("an audit created with POST /api/audits gets an id, is listed, and is read back with an empty board", async () => {
    const created = await http.createAudit({
      title: "Referrals into MASH",
      theme: "Quality of referrals",
      meetingDate: "2025-03-14",
      period: "Cases open April – September",
      agencies: ["police", "Children's Social Care", "Local Youth Project"],
    });
    expect(created.status).toBe(201);
    const audit = created.body;
    expect(audit.id).toMatch(/^[a-z0-9-]{1,64}$/);
    expect(audit).toMatchObject({ title: "Referrals into MASH", theme: "Quality of referrals", meetingDate: "2025-03-14" });
    expect(audit.agencies.map((a) => a.id)).toEqual(["police", "childrens-social-care", "local-youth-project"]);

    const list = await http.listAudits();
    expect(list.status).toBe(200);
    expect(list.body.map((a) => a.id)).toContain(audit.id);

    const read = await http.getAudit(audit.id);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: audit.id, title: "Referrals into MASH", agencies: audit.agencies, createdAt: audit.createdAt });
    expect(read.body.board).toEqual({
      schemaVersion: SCHEMA_VERSION,
      cases: [],
      sections: { acrossCases: "", goodPractice: "", questions: "" },
      themes: DEFAULT_THEMES.map((name) => ({ id: themeIdFor(name), name })),
      concerns: [],
    });
  });

  test("cases and cards added with POST are answered 201 with an id and read back in order with their text", async () => {
    const audit = await createAuditOk(http);
    const first = await http.addCase(audit.id, { label: "Case 1", ageBand: "0-4", plan: "cp" });
    expect(first.status).toBe(201);
    expect(first.body.id).toMatch(/^[a-z0-9]+$/);
    const second = await addCaseOk(http, audit.id, { label: "Gail, 13" });

    const card = await http.addCard(audit.id, first.body.id, { column: "worried", text: "  No voice of the child  ", agency: "police" });
    expect(card.status).toBe(201);
    expect(card.body.id).toMatch(/^[a-z0-9]+$/);
    const byName = await http.addCard(audit.id, first.body.id, {
      column: "worried",
      text: "Line one\nLine two",
      agency: "Children's Social Care",
    });
    expect(byName.status).toBe(201);

    const board = (await http.getAudit(audit.id)).body.board;
    expect(board.cases.map((c) => [c.id, c.label])).toEqual([
      [first.body.id, "Case 1"],
      [second, "Gail, 13"],
    ]);
    expect(board.cases[0]).toMatchObject({ ageBand: "0-4", plan: "cp" });
    expect(board.cases[0].columns.worried).toEqual([
      expect.objectContaining({ id: card.body.id, text: "No voice of the child", agency: "police", author: "Administrator" }),
      expect.objectContaining({ id: byName.body.id, text: "Line one\nLine two", agency: "childrens-social-care", author: "Administrator" }),
    ]);
    expect(board.cases[0].columns.workingWell).toEqual([]);
  });

  test("GET /api/audits/:id?board=false answers the metadata without the board, and rejects other values", async () => {
    const audit = await createAuditOk(http);
    const meta = await http.get(`/api/audits/${audit.id}?board=false`);
    expect(meta.status).toBe(200);
    expect(meta.body).toMatchObject({ id: audit.id, title: audit.title });
    expect(meta.body).not.toHaveProperty("board");
    expectError(await http.get(`/api/audits/${audit.id}?board=maybe`), 400, /board/);
  });
});

describe("bad input gets a 4xx JSON error naming the problem", () => {
  let auditId: string;
  let caseId: string;
  let cardsPath: string;
  const card = { column: "worried", text: "A concern", agency: "police" } as const;

  beforeAll(async () => {
    const audit = await createAuditOk(http, { agencies: ["police", "education"] });
    auditId = audit.id;
    caseId = await addCaseOk(http, auditId, { label: "Case 1" });
    cardsPath = `/api/audits/${auditId}/cases/${caseId}/cards`;
  });

  test("an unknown audit id is 404 for reading, adding a case and adding a card", async () => {
    expectError(await http.getAudit("nosuchaudit0000"), 404, /nosuchaudit0000/);
    expectError(await http.addCase("nosuchaudit0000", { label: "Case 1" }), 404, /audit/i);
    expectError(await http.addCard("nosuchaudit0000", caseId, card), 404, /audit/i);
  });

  test("an unknown case id is 404 and names the case", async () => {
    expectError(await http.addCard(auditId, "nosuchcase", card), 404, /case.*nosuchcase/i);
  });

  test("an id in an invalid format is 400 and says the id is not valid", async () => {
    expectError(await http.getAudit("Not_An_Id!"), 400, /id/i);
    expectError(await http.addCase("../../etc", { label: "Case 1" }), 400, /id/i);
    expectError(await http.addCard(auditId, "BAD ID", card), 400, /caseId/);
  });

  test("a card in a column that does not exist is 400 naming the column field", async () => {
    expectError(await http.postJson(cardsPath, { ...card, column: "maybe" }), 400, /column/);
  });

  test("a card without text, with only whitespace, or with text over the limit is 400 naming the text field", async () => {
    const { text: _text, ...noText } = card;
    expectError(await http.postJson(cardsPath, noText), 400, /text/);
    expectError(await http.postJson(cardsPath, { ...card, text: "" }), 400, /text/);
    expectError(await http.postJson(cardsPath, { ...card, text: "   \n  " }), 400, /text/);
    expectError(await http.postJson(cardsPath, { ...card, text: 42 }), 400, /text/);
    expectError(await http.postJson(cardsPath, { ...card, text: "x".repeat(LIMITS.cardTextChars + 1) }), 400, /text/);
    // Exactly at the limit is fine.
    expect((await http.postJson(cardsPath, { ...card, text: "y".repeat(LIMITS.cardTextChars) })).status).toBe(201);
  });

  test("an unknown extra field is 400 naming the field", async () => {
    expectError(await http.postJson(cardsPath, { ...card, colour: "red" }), 400, /colour/);
    expectError(await http.postJson(`/api/audits/${auditId}/cases`, { label: "Case 2", realName: "Jane Doe" }), 400, /realName/);
    expectError(await http.postJson("/api/audits", { title: "T", theme: "T", owner: "me" }), 400, /owner/);
  });

  test("a card from an agency that does not take part in the audit is 400 naming the agency", async () => {
    expectError(await http.postJson(cardsPath, { ...card, agency: "probation" }), 400, /agency.*probation/);
  });

  test("missing or invalid audit fields are 400 naming each field", async () => {
    expectError(await http.postJson("/api/audits", { theme: "Neglect" }), 400, /title/);
    expectError(await http.postJson("/api/audits", { title: "Audit", theme: "Neglect", meetingDate: "14/03/2025" }), 400, /meetingDate/);
    expectError(await http.postJson(`/api/audits/${auditId}/cases`, { label: "Case 2", plan: "adoption" }), 400, /plan/);
    expectError(await http.postJson("/api/audits", [1, 2, 3]), 400);
    expectError(await http.raw("/api/audits", { method: "POST" }), 400, /body/);
  });

  test("malformed JSON is 400 and says the JSON is malformed", async () => {
    expectError(await http.raw(cardsPath, { body: '{"column": "worried", "text": ' }), 400, /JSON/i);
    expectError(await http.raw("/api/audits", { body: "{'title': 'single quotes'}" }), 400, /JSON/i);
  });

  test("a body over the size limit is 413", async () => {
    const huge = JSON.stringify({ ...card, text: "z".repeat(LIMITS.jsonBodyBytes + 1024) });
    expectError(await http.raw(cardsPath, { body: huge }), 413, /too large/i);
  });

  test("a body that is not declared as JSON is refused with a 4xx naming the content type", async () => {
    const body = JSON.stringify(card);
    expectError(await http.raw(cardsPath, { body, contentType: "text/plain" }), 415, /content-type|json/i);
    expectError(await http.raw(cardsPath, { body, contentType: "application/x-www-form-urlencoded" }), 415, /content-type|json/i);
    expectError(await http.raw(cardsPath, { body, contentType: null }), 415, /content-type|json/i);
  });

  test("an unknown /api route is 404 naming the route", async () => {
    expectError(await http.get("/api/nothing-here"), 404, /nothing-here/);
    expectError(await http.raw("/api/audits", { method: "DELETE" }), 404, /DELETE/);
    expectError(await http.get(`/api/audits/${auditId}/cases/${caseId}`), 404);
  });

  test("after all the bad input the server still answers and the audit holds only the good cards", async () => {
    const health = await http.health();
    expect(health).toMatchObject({ status: 200, body: { ok: true } });
    const board = (await http.getAudit(auditId)).body.board;
    expect(board.cases.map((c) => c.label)).toEqual(["Case 1"]);
    expect(board.cases[0].columns.worried.map((c) => c.text)).toEqual(["y".repeat(LIMITS.cardTextChars)]);
  });
});
