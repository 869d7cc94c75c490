/**
 * The audit trail against a real server: sign-ins, REST writes, board connections and batched
 * edits are recorded with who, which agency, which audit and when; the chair reads only their
 * audit's entries; filters, the CSV export (spreadsheet-safe) and reading the trail are logged;
 * an edited trail file shows as a broken chain. Ends with verifyChain/hashEvent on their own.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { hashEvent, verifyChain } from "../../server/trail/auditTrail.ts";
import type { AuditEvent, AuditTrailPage } from "../../shared/domain/account.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { connectBoard } from "../helpers/board.ts";
import { addPerson, type Credentials, type Person, signIn } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { waitFor } from "../helpers/wait.ts";

const FORMULA_TITLE = '=HYPERLINK("http://evil.invalid","Open me")';
const FORMULA_NAME = '=HYPERLINK("http://evil.invalid","x")';
const CSV_COLUMNS = ["seq", "at", "type", "actor", "userId", "agency", "auditId", "detail", "prev", "hash"];

let server: TestServer;
let auditId: string;
let otherAuditId: string;
let caseId: string;
let chair: Person;
let attendee: Person;
const started = new Date().toISOString();

beforeAll(async () => {
  server = await startTestServer();
  const http = api(server.url, server.admin);
  auditId = (await createAuditOk(http, { title: FORMULA_TITLE })).id;
  otherAuditId = (await createAuditOk(http, { title: "Another audit" })).id;
  caseId = await addCaseOk(http, auditId, { label: "Case 1" });
  await addCaseOk(http, otherAuditId, { label: "Elsewhere" });
  chair = await addPerson(server.url, server.admin, { name: "Chloe Chair", agency: "childrens-social-care", auditId, role: "chair" });
  attendee = await addPerson(server.url, server.admin, { name: "Adam Attendee", agency: "health-visiting", auditId, role: "attendee" });
});

afterAll(async () => {
  await server?.cleanup();
});

/** GET /api/audit-log?query as `credentials` (the admin by default); fails unless 200. */
async function trail(query = "", credentials: Credentials = server.admin): Promise<AuditTrailPage> {
  const response = await api(server.url, credentials).get(`/api/audit-log${query ? `?${query}` : ""}`);
  if (response.status !== 200) throw new Error(`audit-log?${query} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as AuditTrailPage;
}

/** Waits until the trail holds entries matching `match`, and returns them. */
async function entriesWhere(match: (e: AuditEvent) => boolean, what: string): Promise<AuditEvent[]> {
  return waitFor(
    async () => {
      const found = (await trail()).events.filter(match);
      return found.length > 0 ? found : undefined;
    },
    10_000,
    what,
  );
}

function expectAttributed(event: AuditEvent, person: Person, audit?: string): void {
  expect(event.userId).toBe(person.user.id);
  expect(event.actor).toBe(`${person.user.name} <${person.email}>`);
  if (audit !== undefined) expect(event.auditId).toBe(audit);
  expect(event.at >= started && !Number.isNaN(Date.parse(event.at))).toBe(true);
}

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && ch === "\r" && text[i + 1] === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
      i++;
    } else {
      cell += ch;
    }
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe("what is recorded", () => {
  test("a sign-in and a failed sign-in", async () => {
    await signIn(server.url, attendee.email, attendee.password);
    const wrong = await api(server.url).postJson("/api/session", { email: attendee.email, password: "not the password at all" });
    expect(wrong.status).toBe(401);
    const [signedIn] = await entriesWhere((e) => e.type === "sign-in" && e.userId === attendee.user.id, "sign-in");
    expectAttributed(signedIn, attendee);
    expect(signedIn.agency).toBe("Health Visiting");
    const [failed] = await entriesWhere((e) => e.type === "sign-in-failed" && e.detail?.email === attendee.email, "sign-in-failed");
    expect(failed.userId).toBeUndefined();
  });

  test("a card added over REST", async () => {
    const cardId = await addCardOk(api(server.url, attendee.credentials), auditId, caseId, { column: "worried", text: "No plan" });
    const [write] = await entriesWhere((e) => e.type === "api-write" && e.detail?.cardId === cardId, "card-added");
    expectAttributed(write, attendee, auditId);
    expect(write.agency).toBe("Health Visiting");
    expect(write.detail).toMatchObject({ action: "card-added", caseId, bytes: "No plan".length });
  });

  test("a board connection, 50 quick edits as one batch, and the disconnect", async () => {
    const cardId = await addCardOk(api(server.url, attendee.credentials), auditId, caseId, { column: "worried", text: "draft" });
    const connection = await connectBoard(server.wsUrl, auditId, attendee.credentials);
    const [connected] = await entriesWhere((e) => e.type === "ws-connected" && e.userId === attendee.user.id, "ws-connected");
    expectAttributed(connected, attendee, auditId);
    expect(connected.agency).toBe("Health Visiting");
    expect(connected.detail).toMatchObject({ role: "attendee", readOnly: false, via: "token" });

    for (let i = 1; i <= 50; i++) connection.board.setText(cardId, `draft ${"x".repeat(i)}`);
    await connection.board.flushed();
    connection.destroy();

    await entriesWhere((e) => e.type === "ws-disconnected" && e.userId === attendee.user.id, "ws-disconnected");
    const batches = await entriesWhere(
      (e) => e.type === "document-changed" && e.userId === attendee.user.id && e.auditId === auditId,
      "document-changed",
    );
    // One entry per person per ~5 s window (two if this test straddled a window), never one per edit.
    expect(batches.length).toBeGreaterThanOrEqual(1);
    expect(batches.length).toBeLessThanOrEqual(2);
    for (const batch of batches) {
      expectAttributed(batch, attendee, auditId);
      expect(batch.agency).toBe("Health Visiting");
      expect(Number(batch.detail?.bytes)).toBeGreaterThan(0);
    }
    expect(batches.reduce((sum, b) => sum + Number(b.detail?.updates), 0)).toBeGreaterThanOrEqual(50);
  });

  // Refused attempts carry the audit they were aimed at, so its chair sees who tried.
  test("a refused write on an audit is in that audit's trail", async () => {
    const observer = await addPerson(server.url, server.admin, { name: "Olive Observer", auditId, role: "observer" });
    const refused = await api(server.url, observer.credentials).postJson(`/api/audits/${auditId}/cases`, { label: "Not mine" });
    expect(refused.status).toBe(403);
    const [entry] = await entriesWhere((e) => e.type === "api-refused" && e.userId === observer.user.id, "the refused write");
    expect(entry.detail).toMatchObject({ method: "POST", status: 403 });
    expect(entry.auditId).toBe(auditId);
  });

  test("a refused board connection to an audit is in that audit's trail", async () => {
    const outsider = await addPerson(server.url, server.admin, { name: "Otto Outsider" });
    await expect(connectBoard(server.wsUrl, auditId, outsider.credentials, { timeoutMs: 5_000 })).rejects.toThrow(/refused/);
    const [entry] = await entriesWhere((e) => e.type === "ws-refused" && e.userId === outsider.user.id, "the refused connection");
    expect(entry.auditId).toBe(auditId);
  });

  test("viewing an audit is recorded", async () => {
    expect((await api(server.url, chair.credentials).get(`/api/audits/${auditId}`)).status).toBe(200);
    const [viewed] = await entriesWhere((e) => e.type === "audit-viewed" && e.userId === chair.user.id, "audit-viewed");
    expectAttributed(viewed, chair, auditId);
    expect(viewed.detail).toEqual({ board: true });
  });
});

describe("reading the trail", () => {
  test("the chair reads only their audit's entries, and reading is itself recorded", async () => {
    const page = await trail(`auditId=${auditId}`, chair.credentials);
    expect(page.events.length).toBeGreaterThan(0);
    expect(page.events.every((e) => e.auditId === auditId)).toBe(true);
    expect(page.events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        "audit-created",
        "api-write",
        "member-added",
        "ws-connected",
        "ws-disconnected",
        "document-changed",
        "audit-viewed",
      ]),
    );
    expect((await api(server.url, chair.credentials).get(`/api/audit-log?auditId=${otherAuditId}`)).status).toBe(404);
    const [viewed] = await entriesWhere((e) => e.type === "trail-viewed" && e.userId === chair.user.id, "trail-viewed");
    expectAttributed(viewed, chair, auditId);
    expect(viewed.detail).toEqual({ entries: page.events.length });
  });

  test("?userId and ?since filter", async () => {
    const mine = await trail(`userId=${attendee.user.id}`);
    expect(mine.events.length).toBeGreaterThan(3);
    expect(mine.events.every((e) => e.userId === attendee.user.id)).toBe(true);

    const all = (await trail()).events;
    const cut = all[Math.floor(all.length / 2)].at;
    const since = (await trail(`since=${encodeURIComponent(cut)}`)).events;
    expect(since.every((e) => e.at >= cut)).toBe(true);
    const seqs = new Set(since.map((e) => e.seq));
    expect(all.filter((e) => e.at >= cut).every((e) => seqs.has(e.seq))).toBe(true);
    const earlier = all.filter((e) => e.at < cut);
    expect(earlier.length).toBeGreaterThan(0);
    expect(earlier.some((e) => seqs.has(e.seq))).toBe(false);
    expect((await trail("since=2000-01-01")).events.length).toBeGreaterThanOrEqual(all.length);
  });

  test("the chain is reported intact", async () => {
    const page = await trail();
    expect(page.chain.intact).toBe(true);
    expect(page.chain.brokenAt).toBeUndefined();
    expect(page.chain.checked).toBeGreaterThanOrEqual(page.events.length);
    expect(page.events.map((e) => e.seq)).toEqual(page.events.map((_, i) => page.events[0].seq + i));
  });

  test("the CSV has a header and one row per entry, and its download is recorded", async () => {
    const response = await fetch(`${server.url}/api/audit-log.csv?auditId=${auditId}`, {
      headers: { authorization: `Bearer ${chair.credentials.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="?audit-trail-\d{4}-\d{2}-\d{2}\.csv"?$/);
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual(CSV_COLUMNS);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);

    const json = (await trail(`auditId=${auditId}`)).events;
    const exported = json.filter((e) => e.type === "trail-exported" && e.userId === chair.user.id);
    expect(exported).toHaveLength(1);
    expect(exported[0].detail).toEqual({ entries: rows.length });
    // Everything before the export, one row each, in order.
    expect(rows.map((row) => Number(row[0]))).toEqual(json.filter((e) => e.seq < exported[0].seq).map((e) => e.seq));
    const card = rows.find((row) => row[2] === "api-write" && row[7].startsWith("action=card-added"));
    expect(card?.[3]).toBe(`Adam Attendee <${attendee.email}>`);
  });

  test("no CSV cell can start a spreadsheet formula", async () => {
    const http = api(server.url, server.admin);
    const email = `formula.${process.pid}@test.invalid`;
    const password = "formula person password 1";
    const created = await http.postJson("/api/users", { email, name: FORMULA_NAME, password, agency: "@Evil Agency" });
    expect(created.status).toBe(201);
    await signIn(server.url, email, password);

    const text = await (
      await fetch(`${server.url}/api/audit-log.csv`, { headers: { authorization: `Bearer ${server.admin.token}` } })
    ).text();
    const rows = parseCsv(text).slice(1);
    const signInRow = rows.find((row) => row[2] === "sign-in" && row[3].includes(email));
    expect(signInRow?.[3]).toBe(`'${FORMULA_NAME} <${email}>`);
    expect(signInRow?.[5]).toBe("'@Evil Agency");
    const createdRow = rows.find((row) => row[2] === "audit-created" && row[6] === auditId);
    expect(createdRow?.[7]).toBe(`title=${FORMULA_TITLE}`);
    for (const row of rows) for (const cell of row) expect(cell, `CSV cell ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe("stopping and tampering", () => {
  test("a batch still open when the server stops is written", async () => {
    const cardId = await addCardOk(api(server.url, chair.credentials), auditId, caseId, { column: "workingWell", text: "Chair" });
    const connection = await connectBoard(server.wsUrl, auditId, chair.credentials);
    for (let i = 0; i < 5; i++) connection.board.setText(cardId, `Chair note ${i}`);
    await connection.board.flushed();
    await server.stop();
    connection.destroy();
    await server.restart();
    const batches = (await trail()).events.filter((e) => e.type === "document-changed" && e.userId === chair.user.id);
    expect(batches).toHaveLength(1);
    expect(Number(batches[0].detail?.updates)).toBeGreaterThanOrEqual(5);
  });

  test("an edited line of audit-trail.jsonl breaks the chain at that entry", async () => {
    await server.stop();
    const file = path.join(server.dataDir, "audit-trail.jsonl");
    const lines = (await readFile(file, "utf8")).split("\n");
    const index = lines.findIndex((line) => line.includes('"audit-created"') && line.includes(auditId));
    const event = JSON.parse(lines[index]) as AuditEvent;
    lines[index] = JSON.stringify({ ...event, detail: { ...event.detail, title: "Something harmless" } });
    await writeFile(file, lines.join("\n"));
    await server.restart();

    const page = await trail();
    expect(page.chain).toEqual({ intact: false, checked: event.seq - 1, brokenAt: event.seq });
    expect(page.events.find((e) => e.seq === event.seq)?.detail?.title).toBe("Something harmless");
  });
});

describe("verifyChain and hashEvent", () => {
  function chainOf(n: number): AuditEvent[] {
    const events: AuditEvent[] = [];
    for (let seq = 1; seq <= n; seq++) {
      const unhashed = {
        seq,
        at: `2025-01-0${seq}T00:00:00.000Z`,
        type: "sign-in" as const,
        userId: `u${seq}`,
        prev: events.at(-1)?.hash ?? "",
      };
      events.push({ ...unhashed, hash: hashEvent(unhashed) });
    }
    return events;
  }

  test("an untouched chain, and an empty one, are intact", () => {
    expect(verifyChain(chainOf(5))).toEqual({ intact: true, checked: 5 });
    expect(verifyChain([])).toEqual({ intact: true, checked: 0 });
  });

  test("a deleted entry breaks the chain at the entry after it", () => {
    const events = chainOf(5);
    expect(verifyChain([...events.slice(0, 2), ...events.slice(3)])).toEqual({ intact: false, checked: 2, brokenAt: 4 });
  });

  test("reordered entries break the chain", () => {
    const [a, b, c, d] = chainOf(4);
    expect(verifyChain([a, c, b, d])).toEqual({ intact: false, checked: 1, brokenAt: 3 });
  });

  test("an edited entry breaks at itself; re-hashing it moves the break to the next one", () => {
    const events = chainOf(4);
    const edited = { ...events[1], userId: "someone-else" };
    expect(verifyChain([events[0], edited, ...events.slice(2)])).toMatchObject({ intact: false, brokenAt: 2 });
    const { hash: _, ...unhashed } = edited;
    const rehashed = { ...edited, hash: hashEvent(unhashed) };
    expect(verifyChain([events[0], rehashed, ...events.slice(2)])).toMatchObject({ intact: false, brokenAt: 3 });
  });

  test("the hash ignores key order and undefined fields", () => {
    const event = { seq: 1, at: "2025-01-01T00:00:00.000Z", type: "sign-out" as const, prev: "", detail: { b: 1, a: "x" } };
    const reordered = { prev: "", detail: { a: "x", b: 1 }, type: "sign-out" as const, at: event.at, seq: 1, actor: undefined };
    expect(hashEvent(reordered)).toBe(hashEvent(event));
    expect(hashEvent({ ...event, detail: { a: "y", b: 1 } })).not.toBe(hashEvent(event));
  });

  test("a chain alone cannot show that its newest entries were cut off (limitation)", () => {
    expect(verifyChain(chainOf(5).slice(0, 3))).toEqual({ intact: true, checked: 3 });
  });
});
