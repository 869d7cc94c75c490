/**
 * End-to-end: the chair freezes and signs off; an attendee's open board turns read-only with the
 * frozen banner, and what they typed after the freeze is refused and they are told; an observer
 * from an absent agency opens the final snapshot, sees its SHA-256 verified, acknowledges it and
 * downloads the DOCX; the chair sees who has acknowledged; the owner agency records progress on
 * its action; the chair reopens and the attendee can write again.
 */
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAction } from "../../shared/board/index.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { connectBoard } from "../helpers/board.ts";
import {
  axeViolations,
  editorText,
  type HeldBoardSocket,
  holdableBoardSocket,
  launchBrowser,
  newPerson,
  openBoardAs,
  signInAs,
  startEditing,
} from "../helpers/browser.ts";
import { addPerson, type Person } from "../helpers/people.ts";
import { startTestServer, TEST_ADMIN, type TestServer } from "../helpers/server.ts";
import { reviewApi } from "../helpers/snapshots.ts";
import { sleep } from "../helpers/wait.ts";

let server: TestServer;
let browser: Browser;
let auditId: string;
const ids = {} as Record<"case1" | "case2" | "persisted" | "refer" | "marac", string>;
const accounts = {} as Record<"alex" | "sam" | "olive", Person>;
/** Pages kept open from one step to the next, as people would. */
const pages = {} as Record<"chair" | "alex", Page>;
let alexSocket: HeldBoardSocket;
let finalSnapshot: { id: string; sha256: string };

const TITLE = "Domestic abuse and substance misuse";

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const client = api(server.url, server.admin);
  const audit = await createAuditOk(client, {
    title: TITLE,
    theme: "Domestic abuse",
    agencies: ["police", "health-visiting", "childrens-social-care", "education"],
  });
  auditId = audit.id;
  ids.case1 = await addCaseOk(client, auditId, { label: "Case 1", ageBand: "0-5", plan: "cp" });
  ids.case2 = await addCaseOk(client, auditId, { label: "Case 2", ageBand: "6-11", plan: "cin" });
  ids.persisted = await addCardOk(client, auditId, ids.case1, {
    column: "workingWell",
    text: "Health visitor persisted with visits.",
    agency: "health-visiting",
  });
  await addCardOk(client, auditId, ids.case1, {
    column: "worried",
    text: "Mum's alcohol use was not explored.",
    agency: "health-visiting",
  });
  ids.refer = await addCardOk(client, auditId, ids.case1, {
    column: "needsToHappen",
    text: "Refer mum to the substance misuse service.",
    agency: "health-visiting",
  });
  ids.marac = await addCardOk(client, auditId, ids.case2, {
    column: "needsToHappen",
    text: "Share MARAC outcomes with the school.",
    agency: "police",
  });
  const person = (name: string, agency: string, role: "attendee" | "observer") =>
    addPerson(server.url, server.admin, { name, agency, auditId, role });
  [accounts.alex, accounts.sam, accounts.olive] = await Promise.all([
    person("Alex Morgan", "police", "attendee"),
    person("Sam Patel", "health-visiting", "attendee"),
    person("Olive Observer", "education", "observer"),
  ]);
  const writer = await connectBoard(server.wsUrl, auditId, accounts.alex.credentials);
  setAction(writer.doc, ids.refer, {
    ownerAgency: "health-visiting",
    lead: "Named health visitor",
    dueDate: "2031-01-31",
    priority: "high",
  });
  setAction(writer.doc, ids.marac, { ownerAgency: "police", lead: "DV coordinator", dueDate: "2020-01-31" });
  await writer.board.flushed();
  writer.destroy();
});

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

const frozenBanner = (page: Page) => page.getByRole("region", { name: "Frozen" });
const agenda = (page: Page, start: string) =>
  page.getByRole("navigation", { name: "Case agenda" }).getByRole("button", { name: new RegExp(`^${start}\\b`) });

async function boardText(): Promise<string> {
  const audit = await api(server.url, server.admin).getAudit(auditId);
  return JSON.stringify(audit.body.board);
}

describe("freezing and signing off", () => {
  it("turns an attendee's open board read-only within seconds, refuses what they typed after the freeze, and tells them", async () => {
    pages.chair = await newPerson(browser);
    pages.alex = await newPerson(browser);
    const { chair, alex } = pages;
    alexSocket = await holdableBoardSocket(alex);
    await openBoardAs(chair, server.url, auditId, TEST_ADMIN);
    await openBoardAs(alex, server.url, auditId, accounts.alex);

    // Alex is writing when the chair signs off.
    await startEditing(alex, "persisted with visits");
    await alex.keyboard.press("End");
    await alex.keyboard.type(" Typed before the freeze.");
    await alex.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    await expect.poll(boardText).toContain("Typed before the freeze.");

    // The chair's controls: a confirmation that says what freezing does.
    const signOff = chair.getByRole("region", { name: "Sign-off" });
    await signOff.getByRole("button", { name: "Freeze and sign off…" }).click();
    const dialog = chair.getByRole("dialog", { name: "Freeze and sign off this audit?" });
    expect(await dialog.textContent()).toContain("read-only for everyone");
    expect(await axeViolations(chair)).toEqual([]);
    await chair.screenshot({ path: "/tmp/issue4b-freeze-dialog.png" });

    // Alex's connection is slow: what the server sends him waits while he keeps typing.
    alexSocket.hold();
    await dialog.getByRole("button", { name: "Freeze and sign off" }).click();
    const outcome = signOff.getByRole("status");
    await expect.poll(() => outcome.textContent()).toMatch(/Signed off\. Final snapshot taken, SHA-256 [0-9a-f]{64}/);
    const list = await reviewApi(server.url, server.admin).listSnapshots(auditId);
    const final = list.body.find((s) => s.kind === "freeze");
    if (!final) throw new Error("no freeze snapshot listed");
    finalSnapshot = { id: final.id, sha256: final.sha256 };
    expect(await outcome.textContent()).toContain(final.sha256);
    // The banner names the signer and links the final snapshot (its record is stored just after the freeze).
    await frozenBanner(chair).getByRole("link", { name: "Open the final snapshot" }).waitFor();

    await alex.keyboard.type(" LATE WORDS");
    expect(await editorText(alex)).toContain("LATE WORDS");
    await alex.getByRole("status").filter({ hasText: "Saving…" }).waitFor();
    // Long enough for the typing to reach the server and be refused there.
    await sleep(500);
    // The freeze reaches Alex first; the server's refusal of his typing follows a little later,
    // when his page has already moved to a fresh read-only connection.
    const started = Date.now();
    const released = alexSocket.release({ spacingMs: 100 });

    // Read-only with the frozen banner within a couple of seconds, and told the change was lost.
    await frozenBanner(alex).waitFor({ timeout: 3_000 });
    expect(Date.now() - started).toBeLessThan(3_000);
    await released;
    await expect
      .poll(() => alex.getByRole("alert").allTextContents())
      .toContainEqual(expect.stringContaining("Your last change arrived after the audit was frozen and was not saved"));
    await expect.poll(() => frozenBanner(alex).textContent()).toContain("Administrator");
    expect(await frozenBanner(alex).textContent()).toContain("read-only for everyone");
    expect(await alex.getByRole("region", { name: "Read-only" }).count()).toBe(0);
    // No editor, no add / edit / delete controls, and no sign-off controls for an attendee.
    expect(await alex.locator(".ProseMirror").count()).toBe(0);
    for (const name of [/^Add card to/, /^Edit card text/, /^Delete/, /^Make action/]) {
      expect(await alex.getByRole("button", { name }).count()).toBe(0);
    }
    expect(await alex.getByRole("region", { name: "Sign-off" }).count()).toBe(0);
    await expect.poll(() => alex.locator("article.card", { hasText: "persisted with visits" }).textContent()).not.toContain("LATE WORDS");

    // Typing at the board now does nothing, and nothing after the freeze reached the server.
    await alex.locator("article.card", { hasText: "persisted with visits" }).locator(".rich-text").click();
    await alex.keyboard.type("EVEN LATER");
    await sleep(300);
    const saved = await boardText();
    expect(saved).toContain("Typed before the freeze.");
    expect(saved).not.toContain("LATE WORDS");
    expect(saved).not.toContain("EVEN LATER");
    const snapshot = await reviewApi(server.url, server.admin).getSnapshot(auditId, finalSnapshot.id);
    expect(JSON.stringify(snapshot.body.content)).toContain("Typed before the freeze.");
    expect(JSON.stringify(snapshot.body.content)).not.toContain("LATE WORDS");

    expect(await axeViolations(alex)).toEqual([]);
    await alex.screenshot({ path: "/tmp/issue4b-frozen-board.png", fullPage: true });
  });

  it("shows the audit list with the Frozen badge and the open and overdue actions", async () => {
    const page = await newPerson(browser);
    await signInAs(page, server.url, accounts.alex.email, accounts.alex.password);
    const item = page.locator(".audit-item", { hasText: TITLE });
    await expect.poll(() => item.textContent()).toContain("Frozen");
    expect(await item.textContent()).toContain("2 open, 1 overdue");
    const snapshotsLink = item.getByRole("link", { name: "Snapshots" });
    expect(await snapshotsLink.getAttribute("href")).toBe(`/audits/${auditId}/snapshots`);
    expect(
      await snapshotsLink.evaluate(
        (link) =>
          link.getAttribute("aria-describedby") && document.getElementById(link.getAttribute("aria-describedby") ?? "")?.textContent,
      ),
    ).toContain(TITLE);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: "/tmp/issue4b-audit-list.png", fullPage: true });
    await page.context().close();
  });

  it("lets an observer open the final snapshot, see its SHA-256 verified, acknowledge it and download the DOCX", async () => {
    const olive = await newPerson(browser);
    await openBoardAs(olive, server.url, auditId, accounts.olive);
    await frozenBanner(olive).getByRole("link", { name: "Open the final snapshot" }).click();
    await olive.getByRole("heading", { level: 1, name: /Signed off/ }).waitFor();
    const check = olive.getByRole("region", { name: "SHA-256 check" });
    await expect.poll(() => check.textContent()).toContain("Verified: this is the signed-off text");
    expect(await check.textContent()).toContain(finalSnapshot.sha256);

    // The learning summary as the server renders it, framed.
    const summary = olive.frameLocator("iframe[title^='Learning summary']");
    await summary.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    expect(await summary.locator("body").textContent()).toContain("Health visitor persisted with visits. Typed before the freeze.");
    expect(await summary.locator("body").textContent()).not.toContain("LATE WORDS");

    // Read and acknowledged, for the observer's agency.
    const review = olive.getByRole("region", { name: "Review" });
    expect(await review.textContent()).toContain("No agency has acknowledged this snapshot yet.");
    await review.getByRole("button", { name: "Read and acknowledged" }).click();
    await expect.poll(() => review.getByRole("status").textContent()).toContain("Education has read and acknowledged");
    await expect.poll(() => review.textContent()).toMatch(/Education: read and acknowledged by Olive Observer on \d+ \w+ \d{4}/);
    expect(await review.getByRole("button", { name: "Read and acknowledged" }).count()).toBe(0);

    // An addendum beside the snapshot: dated, signed, and the snapshot unchanged.
    await review.getByLabel("Add an addendum or comment").fill("Education was not invited to the strategy discussion for case 2.");
    await review.getByRole("button", { name: "Add addendum" }).click();
    await expect.poll(() => review.locator(".addenda").textContent()).toContain("Olive Observer (Education)");
    expect(await review.locator(".addenda").textContent()).toContain("Education was not invited");
    await expect.poll(() => summary.locator("body").textContent()).toContain("Education was not invited");
    expect(await check.textContent()).toContain("Verified");

    // The DOCX download: a zip of reasonable size.
    const [download] = await Promise.all([olive.waitForEvent("download"), olive.getByRole("link", { name: "Word (DOCX)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await download.path();
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(bytes.length).toBeGreaterThan(5_000);
    expect(bytes.length).toBeLessThan(2_000_000);
    await download.saveAs("/tmp/issue4b-summary.docx");
    // The CSV with the filters chosen beside it.
    await olive.getByLabel("Owner agency").selectOption("police");
    expect(await olive.getByRole("link", { name: /^Download CSV/ }).getAttribute("href")).toBe(
      `/api/audits/${auditId}/actions.csv?agency=police`,
    );

    expect(await axeViolations(olive)).toEqual([]);
    await olive.screenshot({ path: "/tmp/issue4b-viewer.png", fullPage: true });
    await olive.context().close();
  });

  it("shows the chair which agencies have acknowledged and which have not", async () => {
    const { chair } = pages;
    await frozenBanner(chair).getByRole("link", { name: "Open the final snapshot" }).click();
    const table = chair.getByRole("table", { name: "Acknowledgements by agency" });
    await expect.poll(() => table.getByRole("row", { name: /Education/ }).textContent()).toContain("Yes, Olive Observer");
    expect(await table.getByRole("row", { name: /Police/ }).textContent()).toContain("Not yet");
    expect(await chair.getByRole("region", { name: "Review" }).textContent()).toContain("1 of 4 agencies have acknowledged; 3 not yet");
    await chair.screenshot({ path: "/tmp/issue4b-viewer-chair.png", fullPage: true });
    await chair.goBack();
    await frozenBanner(chair).waitFor();
  });

  it("lets the owner agency record progress on its action after the freeze, and gives others no control", async () => {
    const sam = await newPerson(browser);
    await openBoardAs(sam, server.url, auditId, accounts.sam);
    await agenda(sam, "Action plan").click();
    // One group per action: its row and the progress under it.
    const rows = sam.locator("table.action-table tbody");
    await expect.poll(() => rows.count()).toBe(2);
    // The plan first lists from the board, then from the signed-off copy once that has loaded.
    await expect.poll(() => sam.locator(".action-plan .hint").first().textContent()).toContain("signed off");
    const refer = rows.filter({ hasText: "Refer mum" });
    const marac = rows.filter({ hasText: "Share MARAC" });
    expect(await marac.getByRole("button", { name: /^Record progress/ }).count()).toBe(0);
    await refer.getByRole("button", { name: /^Record progress/ }).click();
    const form = sam.getByRole("form", { name: /^Progress on/ });
    await form.getByLabel("Status").selectOption("done");
    await form.getByLabel("Progress or completion note").fill("Referral made; mum attends the service weekly.");
    await form.getByRole("button", { name: "Record" }).click();
    const updates = refer.getByRole("list", { name: /^Updates on/ });
    await expect.poll(() => updates.textContent()).toContain("Referral made; mum attends the service weekly.");
    expect(await updates.textContent()).toMatch(/^Done, \d+ \w+ \d{4} at \d\d:\d\d, Sam Patel \(Health Visiting\): Referral made/);
    expect(await refer.locator(".status-badge").textContent()).toBe("Done");
    // Focus returns to the button that opened the form.
    await expect.poll(() => sam.evaluate(() => document.activeElement?.textContent)).toBe("Record progress");
    const csv = await sam.getByRole("link", { name: /^Download CSV/ }).getAttribute("href");
    expect(csv).toBe(`/api/audits/${auditId}/actions.csv`);
    expect(await axeViolations(sam)).toEqual([]);
    await sam.screenshot({ path: "/tmp/issue4b-action-plan-frozen.png", fullPage: true });

    const actions = await reviewApi(server.url, server.admin).actions(auditId);
    const updated = actions.body.find((a) => a.id === ids.refer);
    expect(updated?.status).toBe("done");
    expect(updated?.updates.map((u) => u.note)).toEqual(["Referral made; mum attends the service weekly."]);
    await sam.context().close();

    // Police sees the update but may only update its own action.
    const { alex } = pages;
    await agenda(alex, "Action plan").click();
    const alexRows = alex.locator("table.action-table tbody");
    await expect.poll(() => alexRows.filter({ hasText: "Refer mum" }).textContent()).toContain("Referral made");
    expect(
      await alexRows
        .filter({ hasText: "Refer mum" })
        .getByRole("button", { name: /^Record progress/ })
        .count(),
    ).toBe(0);
    expect(
      await alexRows
        .filter({ hasText: "Share MARAC" })
        .getByRole("button", { name: /^Record progress/ })
        .count(),
    ).toBe(1);
    await agenda(alex, "Case 1").click();
  });

  it("reopens with a reason, and the attendee's board is writable again", async () => {
    const { chair, alex } = pages;
    const signOff = chair.getByRole("region", { name: "Sign-off" });
    await signOff.getByRole("button", { name: "Reopen…" }).click();
    const dialog = chair.getByRole("dialog", { name: "Reopen this audit?" });
    await dialog.getByRole("button", { name: "Reopen the audit" }).click();
    await expect.poll(() => dialog.getByRole("alert").textContent()).toContain("Give a reason");
    await dialog.getByLabel("Reason for reopening (required)").fill("Police return for case 2 arrived late.");
    await dialog.getByRole("button", { name: "Reopen the audit" }).click();
    await expect.poll(() => signOff.getByRole("status").textContent()).toContain("Reopened");
    await expect.poll(() => frozenBanner(chair).count()).toBe(0);

    await expect.poll(() => frozenBanner(alex).count(), { timeout: 3_000 }).toBe(0);
    await alex
      .getByRole("button", { name: /^Add card to/ })
      .first()
      .waitFor();
    await alex.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    await startEditing(alex, "persisted with visits");
    await alex.keyboard.press("End");
    await alex.keyboard.type(" Written after reopening.");
    await expect.poll(boardText).toContain("Written after reopening.");
    expect(await boardText()).not.toContain("LATE WORDS");
    await Promise.all([chair.context().close(), alex.context().close()]);
  });
});
