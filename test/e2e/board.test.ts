/**
 * End-to-end: people in separate browsers on the real built client against the real server.
 * Needs dist/client (npm test builds it first) and Debian's chromium.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addCard, cardBody } from "../../shared/board/index.ts";
import { api } from "../helpers/api.ts";
import { connectBoard } from "../helpers/board.ts";
import {
  axeViolations,
  editorText,
  launchBrowser,
  newPerson,
  openBoard,
  openBoardAs,
  signInAs,
  startEditing,
  waitForEditorFocus,
} from "../helpers/browser.ts";
import { addPerson, type Person } from "../helpers/people.ts";
import { startTestServer, TEST_ADMIN, type TestServer } from "../helpers/server.ts";
import { waitFor } from "../helpers/wait.ts";

let server: TestServer;
let browser: Browser;
let auditId: string;
let caseId: string;
/** Attendees' accounts, one per agency. */
const accounts = {} as Record<"alex" | "sam" | "kim", Person>;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const client = api(server.url, server.admin);
  const audit = await client.createAudit({
    title: "Neglect and voice of the child",
    theme: "Neglect",
    agencies: ["police", "health-visiting", "education"],
  });
  auditId = audit.body.id;
  caseId = (await client.addCase(auditId, { label: "Case 1", ageBand: "0-5", plan: "cin", summary: "Missed health appointments." })).body
    .id;
  await client.addCard(auditId, caseId, {
    column: "workingWell",
    text: "Health visitor persisted with visits.",
    agency: "health-visiting",
  });
  const person = (name: string, agency: string) => addPerson(server.url, server.admin, { name, agency, auditId, role: "attendee" });
  [accounts.alex, accounts.sam, accounts.kim] = await Promise.all([
    person("Alex Morgan", "police"),
    person("Sam Patel", "health-visiting"),
    person("Kim Lee", "education"),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

const card = (page: Page, text: string) => page.locator("article.card", { hasText: text });

describe("the live board in the browser", () => {
  it("lets two people co-edit one card, each seeing the other's text and labelled caret", async () => {
    const alex = await newPerson(browser);
    const sam = await newPerson(browser);
    await openBoardAs(alex, server.url, auditId, accounts.alex);
    await openBoardAs(sam, server.url, auditId, accounts.sam);

    await startEditing(alex, "persisted with visits");
    await startEditing(sam, "persisted with visits");
    await alex.keyboard.type(" Alex adds this.");
    await waitFor(async () => (await editorText(sam)).includes("Alex adds this."), 5_000, "Alex's text on Sam's screen");
    await sam.keyboard.press("Control+Home");
    await sam.keyboard.type("Sam starts here. ");
    await waitFor(async () => (await editorText(alex)).includes("Sam starts here."), 5_000, "Sam's text on Alex's screen");

    await expect.poll(() => alex.locator(".collaboration-carets__label").allTextContents()).toContain("Sam Patel (Health Visiting)");
    await expect.poll(() => sam.locator(".collaboration-carets__label").allTextContents()).toContain("Alex Morgan (Police)");
    expect(await editorText(alex)).toBe(await editorText(sam));
    expect(await editorText(alex)).toBe("Sam starts here. Health visitor persisted with visits. Alex adds this.");
    await alex.screenshot({ path: "test-results/co-editing.png" });

    // A third person opening the board later sees everything, and everyone present.
    const kim = await newPerson(browser);
    await openBoardAs(kim, server.url, auditId, accounts.kim);
    await expect.poll(() => card(kim, "Sam starts here.").textContent()).toContain("Alex adds this.");
    await expect.poll(() => kim.locator(".presence-count").textContent()).toBe("3 people here");
    await expect.poll(() => kim.locator(".presence-list").textContent()).toContain("Sam Patel, Health Visiting");

    await Promise.all([alex.context().close(), sam.context().close(), kim.context().close()]);
  });

  it("opens the board's one connection before the page has asked who is signed in, and says Saved", async () => {
    const signedIn = await newPerson(browser);
    await signInAs(signedIn, server.url, accounts.alex.email, accounts.alex.password);
    const alex = await signedIn.context().newPage();
    // When each WebSocket is made, on the page's own clock (a string: tsx would wrap a function).
    await alex.addInitScript(`
      window.__sockets = [];
      const NativeWebSocket = window.WebSocket;
      window.WebSocket = class extends NativeWebSocket {
        constructor(...args) { super(...args); window.__sockets.push(performance.now()); }
      };
    `);
    await openBoard(alex, server.url, auditId);
    await card(alex, "persisted with visits").waitFor();
    const { sockets, session } = (await alex.evaluate(`({
      sockets: window.__sockets,
      session: performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname === "/api/session").map((e) => e.startTime),
    })`)) as { sockets: number[]; session: number[] };
    // The socket comes first (client/collab/earlyBoard.ts), and the board page adopts it.
    expect(sockets).toHaveLength(1);
    expect(session.length).toBeGreaterThan(0);
    expect(sockets[0]).toBeLessThan(session[0]);
    await signedIn.context().close();
  });

  it("adds a card stamped with the writer's agency and moves it by keyboard and by the Move menu", async () => {
    const alex = await newPerson(browser);
    const sam = await newPerson(browser);
    await openBoardAs(alex, server.url, auditId, accounts.alex);
    await openBoardAs(sam, server.url, auditId, accounts.sam);

    await alex.getByRole("button", { name: "Add card to What is working well" }).click();
    await waitForEditorFocus(alex);
    await alex.keyboard.type("Police shared the incident log the same day.");
    await alex.keyboard.press("Escape");
    const added = card(alex, "Police shared the incident log");
    await expect.poll(() => added.getAttribute("aria-label")).toBe("Card by Police, Alex Morgan");

    // Keyboard: focus the card and press Alt+→ to move it to "What are we worried about".
    await added.focus();
    await alex.keyboard.press("Alt+ArrowRight");
    const worriedOnSam = sam.locator("section.column-worried article.card", { hasText: "Police shared the incident log" });
    await worriedOnSam.waitFor({ timeout: 5_000 });
    await expect.poll(() => alex.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Card by Police, Alex Morgan");

    // Menu: Move… → Move to What needs to happen.
    await card(alex, "Police shared the incident log").getByRole("button", { name: "Move…" }).click();
    await alex.getByRole("button", { name: "Move to What needs to happen" }).click();
    await sam
      .locator("section.column-needsToHappen article.card", { hasText: "Police shared the incident log" })
      .waitFor({ timeout: 5_000 });
    expect(await sam.locator("section.column-worried article.card", { hasText: "Police shared the incident log" }).count()).toBe(0);

    // Filtering by agency hides the other agencies' cards.
    await sam.getByLabel("Show cards from").selectOption("police");
    await expect.poll(() => sam.locator("article.card").count()).toBe(1);

    await Promise.all([alex.context().close(), sam.context().close()]);
  });

  it("drags a card to another column with the mouse", async () => {
    const page = await newPerson(browser);
    await openBoardAs(page, server.url, auditId, accounts.alex);
    const source = card(page, "persisted with visits");
    await source.dragTo(page.locator("section.column-needsToHappen"));
    await page.locator("section.column-needsToHappen article.card", { hasText: "persisted with visits" }).waitFor();
    await card(page, "persisted with visits").getByRole("button", { name: "Move…" }).click();
    await page.getByRole("button", { name: "Move to What is working well" }).click();
    await page.locator("section.column-workingWell article.card", { hasText: "persisted with visits" }).waitFor();
    await page.context().close();
  });

  it("shows hostile rich text as inert text: no script, no javascript: link", async () => {
    // A writer bypassing the UI puts a script element and a javascript: link into a card.
    const writer = await connectBoard(server.wsUrl, auditId, accounts.alex.credentials);
    const cardId = addCard(writer.doc, { caseId, column: "worried", agency: "police", author: "Scripted writer" });
    if (!cardId) throw new Error("case not found");
    const body = cardBody(writer.doc, cardId);
    if (!body) throw new Error("card has no body");
    writer.doc.transact(() => {
      const script = new Y.XmlElement("script");
      script.insert(0, [new Y.XmlText("window.__pwned = true")]);
      const paragraph = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      body.insert(0, [paragraph, script]);
      text.insert(0, "Click ");
      text.insert(text.length, "here", { link: { href: "javascript:window.__pwned=true" } });
      text.insert(text.length, " <img src=x onerror=window.__pwned=true>");
    });
    await writer.board.flushed();

    const page = await newPerson(browser);
    await openBoardAs(page, server.url, auditId, accounts.sam);
    const hostile = card(page, "Click here");
    await hostile.waitFor();
    expect(await hostile.locator("script, img, a[href^='javascript']").count()).toBe(0);
    expect(await hostile.locator(".rich-text").textContent()).toContain("<img src=x onerror=window.__pwned=true>");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    writer.destroy();
    await page.context().close();
  });

  it("sets up an audit, adds cases, reorders them and edits a case's details through the UI", async () => {
    const page = await newPerson(browser);
    await signInAs(page, server.url, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByLabel("Title").fill("Strategy discussion to first core group");
    await page.getByLabel("Theme").fill("Strategy discussions");
    await page.getByLabel("Meeting date").fill("2026-02-28");
    await page.getByLabel("How cases were selected").fill("Random by business intelligence");
    await page.getByLabel("Other agencies (comma separated)").fill("Sirona");
    await page.getByRole("button", { name: "Create audit" }).click();
    // The admin who set the audit up is its chair: the board opens at once, no joining step.
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    expect(await page.locator(".me").textContent()).toContain("Chair");

    for (const label of ["Gail, 13", "Grace, 9"]) {
      await page.getByRole("button", { name: "Add a case" }).click();
      await page.getByLabel("Case label (pseudonym)").fill(label);
      await page.getByRole("button", { name: "Add case" }).click();
      await page.locator("#case-heading", { hasText: label }).waitFor();
    }
    await page.getByRole("button", { name: "Move Grace, 9 up" }).click();
    await expect.poll(() => page.locator(".agenda-label").allTextContents()).toEqual(["Grace, 9", "Gail, 13"]);

    await page.getByRole("button", { name: "Edit case details" }).click();
    await page.getByLabel("Age or age band").fill("9");
    await page.getByLabel("Plan status").selectOption("cp");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect.poll(() => page.locator(".case-header .facts").textContent()).toContain("Child protection plan");

    const auditId = new URL(page.url()).pathname.split("/").pop() ?? "";
    // Polled: the page shows the edit before its update has reached the server.
    const serverCases = async () =>
      (await api(server.url, server.admin).getAudit(auditId)).body.board.cases.map((c) => [c.label, c.ageBand, c.plan]);
    await expect.poll(serverCases).toEqual([
      ["Grace, 9", "9", "cp"],
      ["Gail, 13", undefined, "none"],
    ]);
    await page.screenshot({ path: "test-results/new-audit-board.png" });
    await page.context().close();
  });

  it("tells the person when the board is offline", async () => {
    const own = await startTestServer();
    try {
      const created = await api(own.url, own.admin).createAudit({ title: "Offline check", theme: "Status", agencies: ["police"] });
      const page = await newPerson(browser);
      await openBoardAs(page, own.url, created.body.id, TEST_ADMIN);
      await own.stop();
      await page.locator(".save-status", { hasText: "Offline" }).waitFor({ timeout: 10_000 });
      await page.context().close();
    } finally {
      await own.cleanup();
    }
  });

  it("has no axe-core violations on the audit list and the board", async () => {
    const page = await newPerson(browser);
    await signInAs(page, server.url, accounts.alex.email, accounts.alex.password);
    await page.locator(".audit-item").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Neglect and voice of the child" }).click();
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    await page.locator("article.card").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
