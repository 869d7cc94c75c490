/**
 * End-to-end: a page whose code is older than the board's schema (a newer release upgraded the
 * board) must not write the old layout into it: it says "This board was upgraded — reload" and
 * the board is read-only until the page is reloaded.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { Health } from "../../server/health.ts";
import { openStore } from "../../server/store/index.ts";
import { BOARD_FIELD, boardMap, SCHEMA_VERSION } from "../../shared/board/index.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { launchBrowser, newPerson, openBoardAs } from "../helpers/browser.ts";
import { addPerson, type Person } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let browser: Browser;
let auditId: string;
let attendee: Person;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const client = api(server.url, server.admin);
  auditId = (await createAuditOk(client, { agencies: ["police"] })).id;
  const caseId = await addCaseOk(client, auditId, { label: "Case 1" });
  await addCardOk(client, auditId, caseId, { column: "worried", text: "Child A was not seen alone.", agency: "police" });
  attendee = await addPerson(server.url, server.admin, { name: "Pat Attendee", agency: "police", auditId, role: "attendee" });
});

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

/** Writes, with the server stopped, what a newer release's migration would: a higher schema version. */
async function upgradeStoredBoard(): Promise<void> {
  await server.stop();
  const store = await openStore({ dataDir: server.dataDir }, new Health());
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await store.loadDocument(auditId)) as Uint8Array);
    let update: Uint8Array | undefined;
    doc.on("update", (u: Uint8Array) => {
      update = u;
    });
    boardMap(doc).set(BOARD_FIELD.schemaVersion, SCHEMA_VERSION + 1);
    const log = await store.openDocumentLog(auditId);
    await log.append(update as Uint8Array).durable;
    await log.close();
  } finally {
    await store.close();
  }
  await server.restart();
}

it("a board of a newer schema is shown read-only with a reload prompt", async () => {
  const page = await newPerson(browser);
  await openBoardAs(page, server.url, auditId, attendee);
  await page.getByRole("button", { name: "Add card to What is working well" }).waitFor();

  await upgradeStoredBoard();
  await page.goto(`${server.url}/audits/${auditId}`);
  const banner = page.getByRole("alert").filter({ hasText: "This board was upgraded — reload" });
  await banner.waitFor();
  await page.screenshot({ path: "test-results/schema-upgraded.png" });
  // Still readable, no longer writable.
  await page.locator("article.card", { hasText: "Child A was not seen alone." }).waitFor();
  expect(await page.getByRole("button", { name: "Add card to What is working well" }).count()).toBe(0);
  expect(await page.getByRole("button", { name: "Reload" }).isVisible()).toBe(true);
});
