/**
 * End-to-end: signing in, who the board says people are, and access that changes while the board
 * is open (observer, role change, removal, sign-out, a session ended elsewhere). Real server,
 * real built client, headless Chromium.
 */
import type { Browser, Page, WebSocket } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { cardBody } from "../../shared/board/index.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { connectBoard } from "../helpers/board.ts";
import {
  axeViolations,
  editorText,
  fillSignIn,
  launchBrowser,
  newPerson,
  openBoardAs,
  signInAs,
  startEditing,
} from "../helpers/browser.ts";
import { addPerson, type Person } from "../helpers/people.ts";
import { startTestServer, TEST_ADMIN, type TestServer } from "../helpers/server.ts";
import { waitFor } from "../helpers/wait.ts";

let server: TestServer;
let browser: Browser;
let auditId: string;
let cardId: string;
let police: Person;
let socialCare: Person;

const CARD_TEXT = "Police shared the DASH risk assessment.";

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const http = api(server.url, server.admin);
  auditId = (await createAuditOk(http, { title: "Domestic abuse and neglect", theme: "Domestic abuse" })).id;
  const caseId = await addCaseOk(http, auditId, { label: "Case 1", ageBand: "6-10" });
  cardId = await addCardOk(http, auditId, caseId, { column: "workingWell", text: CARD_TEXT, agency: "partnership" });
  [police, socialCare] = await Promise.all([
    addPerson(server.url, server.admin, { name: "Pat Officer", agency: "police", auditId, role: "attendee" }),
    addPerson(server.url, server.admin, { name: "Chris Worker", agency: "childrens-social-care", auditId, role: "attendee" }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

const banner = (page: Page) => page.getByRole("region", { name: "Read-only" });
const addCardButtons = (page: Page) => page.getByRole("button", { name: /^Add card to/ });

describe("signing in", () => {
  it("sends a signed-out person to the sign-in form, refuses a wrong password, then returns to the wanted page", async () => {
    const page = await newPerson(browser);
    await page.goto(`${server.url}/audits/${auditId}`);
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(await axeViolations(page)).toEqual([]);

    await fillSignIn(page, police.email, "not the password at all");
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("do not match an active account");
    await page.screenshot({ path: "/tmp/maca-sign-in-error.png" });

    await fillSignIn(page, police.email, police.password);
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/audits/${auditId}`);
    expect(await page.locator(".me").textContent()).toContain("Pat Officer");
    await page.context().close();
  });

  it("says when too many failed sign-ins have locked an account for a while", async () => {
    const person = await addPerson(server.url, server.admin, { name: "Lou Locked", agency: "housing" });
    const page = await newPerson(browser);
    await page.goto(`${server.url}/sign-in`);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await fillSignIn(page, person.email, `wrong guess ${attempt}`);
      await expect.poll(() => page.getByRole("alert").textContent()).toContain("do not match");
    }
    await fillSignIn(page, person.email, person.password);
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Too many failed sign-ins for this account");
    await page.context().close();
  });

  it("shows the audit list with my role and no New audit form for a non-admin", async () => {
    const page = await newPerson(browser);
    await signInAs(page, server.url, socialCare.email, socialCare.password);
    const item = page.locator(".audit-item", { hasText: "Domestic abuse and neglect" });
    await expect.poll(() => item.textContent()).toContain("Attendee, for Children's Social Care");
    expect(await page.getByRole("heading", { name: "New audit" }).count()).toBe(0);
    expect(await page.getByRole("navigation", { name: "Main" }).textContent()).toContain("Chris Worker");
    expect(await page.getByRole("link", { name: "Users" }).count()).toBe(0);
    await page.screenshot({ path: "/tmp/maca-audits.png" });
    await page.context().close();
  });

  it("keeps the session alive on activity at most once a minute", async () => {
    const page = await newPerson(browser);
    await page.clock.install();
    await signInAs(page, server.url, socialCare.email, socialCare.password);
    const touches: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "GET" && new URL(request.url()).pathname === "/api/session") touches.push(request.url());
    });
    await page.keyboard.press("Shift");
    await page.mouse.click(5, 500);
    await page.clock.fastForward(30_000);
    await page.keyboard.press("Shift");
    expect(touches).toHaveLength(0);
    await page.clock.fastForward(31_000);
    await page.keyboard.press("Shift");
    await page.mouse.click(5, 500);
    await expect.poll(() => touches.length).toBe(1);
    await page.context().close();
  });
});

describe("who people are on the board", () => {
  it("labels carets and presence with the server's names, whatever a client claims", async () => {
    const pat = await newPerson(browser);
    const chris = await newPerson(browser);
    await openBoardAs(pat, server.url, auditId, police);
    await openBoardAs(chris, server.url, auditId, socialCare);

    await startEditing(pat, CARD_TEXT);
    await startEditing(chris, CARD_TEXT);
    await pat.keyboard.type(" Pat adds this.");
    // Wait until Pat's words are in Chris's editor: a remote change arriving after Control+Home puts Chris's caret back
    // where the editor last stored it (the end of the card), so the typing below would land in the middle.
    await waitFor(async () => (await editorText(chris)) === `${CARD_TEXT} Pat adds this.`, 5_000, "Pat's words in Chris's editor");
    // Under load a first Control+Home can land before the editor has placed its selection: retry until the caret is at the start.
    await waitFor(
      async () => {
        await chris.keyboard.press("Control+Home");
        return chris.evaluate(() => {
          const selection = window.getSelection();
          const editor = document.querySelector(".ProseMirror:focus");
          if (!selection?.anchorNode || !editor) return false;
          const before = document.createRange();
          before.selectNodeContents(editor);
          before.setEnd(selection.anchorNode, selection.anchorOffset);
          return before.toString().length === 0;
        });
      },
      5_000,
      "Chris's caret at the start of the card",
    );
    await chris.keyboard.type("Chris starts here. ");
    await waitFor(async () => (await editorText(pat)) === (await editorText(chris)), 5_000, "both editors to agree");
    expect(await editorText(pat)).toBe(`Chris starts here. ${CARD_TEXT} Pat adds this.`);
    await expect
      .poll(() => pat.locator(".collaboration-carets__label").allTextContents())
      .toContain("Chris Worker (Children's Social Care)");
    await expect.poll(() => chris.locator(".collaboration-carets__label").allTextContents()).toContain("Pat Officer (Police)");

    // A scripted client claims another name and agency and puts its caret in the same card.
    const scripted = await addPerson(server.url, server.admin, { name: "Dana Script", agency: "education", auditId, role: "attendee" });
    const writer = await connectBoard(server.wsUrl, auditId, scripted.credentials);
    writer.provider.setAwarenessField("user", { name: "Chief Constable", agency: "Police", agencyId: "police", color: "#b91c1c" });
    const body = cardBody(writer.doc, cardId);
    const text = (body?.get(0) as Y.XmlElement | undefined)?.get(0);
    if (!(text instanceof Y.XmlText)) throw new Error("the card has no text to put a caret in");
    const at = Y.createRelativePositionFromTypeIndex(text, 5);
    writer.provider.setAwarenessField("cursor", { anchor: at, head: at });

    await expect.poll(() => pat.locator(".collaboration-carets__label").allTextContents()).toContain("Dana Script (Education)");
    await expect.poll(() => pat.locator(".presence-list").textContent()).toContain("Dana Script, Education");
    const everything = `${await pat.locator(".presence-list").textContent()} ${await pat.locator(".ProseMirror").textContent()}`;
    expect(everything).not.toContain("Chief Constable");
    await pat.screenshot({ path: "/tmp/maca-carets.png" });

    writer.destroy();
    await Promise.all([pat.context().close(), chris.context().close()]);
  });
});

describe("access that changes while the board is open", () => {
  it("shows an observer a read-only board: banner, no add/edit/move/delete, text not editable", async () => {
    const observer = await addPerson(server.url, server.admin, { name: "Olive Observer", agency: "gp", auditId, role: "observer" });
    const page = await newPerson(browser);
    await openBoardAs(page, server.url, auditId, observer);
    await banner(page).waitFor();
    expect(await addCardButtons(page).count()).toBe(0);
    for (const name of ["Edit card text", "Move…", "Delete", "Add a case", "Edit case details", "Edit case notes"]) {
      expect(await page.getByRole("button", { name }).count(), name).toBe(0);
    }
    await page.locator("article.card", { hasText: "DASH risk assessment" }).locator(".rich-text").click();
    await page.waitForTimeout(300);
    expect(await page.locator(".ProseMirror").count()).toBe(0);
    expect(await page.locator("article.card[draggable='true']").count()).toBe(0);
    expect(await page.locator(".me").textContent()).toContain("Observer");
    await page.screenshot({ path: "/tmp/maca-board-observer.png" });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("turns an open board read-only, and back, when the chair changes the person's role on the members page", async () => {
    const person = await addPerson(server.url, server.admin, { name: "Ash Attendee", agency: "housing", auditId, role: "attendee" });
    const ash = await newPerson(browser);
    await openBoardAs(ash, server.url, auditId, person);
    await startEditing(ash, "DASH risk assessment");
    expect(await banner(ash).count()).toBe(0);

    const chair = await newPerson(browser);
    await signInAs(chair, server.url, TEST_ADMIN.email, TEST_ADMIN.password);
    await chair.goto(`${server.url}/audits/${auditId}/members`);
    const setRole = async (role: string) => {
      await chair.getByLabel("Role of Ash Attendee", { exact: true }).selectOption(role);
      await chair.getByRole("button", { name: "Save role of Ash Attendee" }).click();
    };

    await setRole("observer");
    await banner(ash).waitFor({ timeout: 2_000 });
    expect(await addCardButtons(ash).count()).toBe(0);
    expect(await ash.locator(".ProseMirror").count()).toBe(0);
    await expect.poll(() => chair.getByRole("status").first().textContent()).toContain("Ash Attendee is now observer");

    await setRole("attendee");
    await banner(ash).waitFor({ state: "detached", timeout: 2_000 });
    await expect.poll(() => addCardButtons(ash).count()).toBe(3);
    await Promise.all([ash.context().close(), chair.context().close()]);
  });

  it("replaces the board when the person is removed from the audit", async () => {
    const person = await addPerson(server.url, server.admin, { name: "Rene Removed", agency: "probation", auditId, role: "attendee" });
    const page = await newPerson(browser);
    await openBoardAs(page, server.url, auditId, person);
    const removed = await api(server.url, server.admin).call("DELETE", `/api/audits/${auditId}/members/${person.user.id}`);
    expect(removed.status).toBe(204);
    await page.getByText("You are no longer a member of this audit").waitFor({ timeout: 3_000 });
    expect(await page.locator("article.card").count()).toBe(0);
    await page.context().close();
  });

  it("signs out to the sign-in page and closes the board's socket", async () => {
    const page = await newPerson(browser);
    const sockets: WebSocket[] = [];
    page.on("websocket", (socket) => sockets.push(socket));
    await openBoardAs(page, server.url, auditId, police);
    const board = sockets.find((s) => s.url().endsWith("/collab"));
    if (!board) throw new Error("the board opened no collaboration socket");
    const closed = new Promise<void>((resolve) => board.on("close", () => resolve()));

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await closed;
    expect(board.isClosed()).toBe(true);
    expect(await page.evaluate(async () => (await fetch("/api/session")).status)).toBe(401);
    await page.context().close();
  });

  it("sends the person to sign in with a notice when their session ends elsewhere, then back to the board", async () => {
    const person = await addPerson(server.url, server.admin, { name: "Sky Reset", agency: "camhs", auditId, role: "attendee" });
    const page = await newPerson(browser);
    await openBoardAs(page, server.url, auditId, person);
    // An admin resets the password: every session of the person ends, open boards too.
    const newPassword = "a brand new passphrase for sky";
    const reset = await api(server.url, server.admin).call("PATCH", `/api/users/${person.user.id}`, { password: newPassword });
    expect(reset.status).toBe(200);
    await page.getByRole("heading", { name: "Sign in" }).waitFor({ timeout: 4_000 });
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(await page.locator(".notice").first().textContent()).toContain("Your session ended");
    await page.screenshot({ path: "/tmp/maca-session-ended.png" });
    await fillSignIn(page, person.email, newPassword);
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/audits/${auditId}`);
    await page.context().close();
  });
});
