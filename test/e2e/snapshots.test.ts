/**
 * End-to-end: the chair takes named snapshots from the board and from the snapshots page; any
 * member lists them, shows a full hash, opens one and compares two; the diff lists the cards
 * added and changed per case and column, with before and after.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { cardBody } from "../../shared/board/index.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { connectBoard } from "../helpers/board.ts";
import { axeViolations, launchBrowser, newPerson, openBoard, openBoardAs, signInAs } from "../helpers/browser.ts";
import { addPerson, type Person } from "../helpers/people.ts";
import { startTestServer, TEST_ADMIN, type TestServer } from "../helpers/server.ts";
import { reviewApi } from "../helpers/snapshots.ts";

let server: TestServer;
let browser: Browser;
let auditId: string;
let caseId: string;
let changedCard: string;
let attendee: Person;

const TITLE = "Referrals into MASH";

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const client = api(server.url, server.admin);
  const audit = await createAuditOk(client, { title: TITLE, theme: "Referrals", agencies: ["police", "education", "health-visiting"] });
  auditId = audit.id;
  caseId = await addCaseOk(client, auditId, { label: "Case 1", ageBand: "6-11" });
  await addCardOk(client, auditId, caseId, { column: "workingWell", text: "School referred on the same day.", agency: "education" });
  changedCard = await addCardOk(client, auditId, caseId, {
    column: "worried",
    text: "Threshold applied inconsistently.",
    agency: "police",
  });
  attendee = await addPerson(server.url, server.admin, { name: "Ed Teacher", agency: "education", auditId, role: "attendee" });
});

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

describe("snapshots", () => {
  it("takes two snapshots, lists them and shows what changed between them", async () => {
    const chair = await newPerson(browser);
    await openBoardAs(chair, server.url, auditId, TEST_ADMIN);

    // From the board: named, with its SHA-256 shown.
    const signOff = chair.getByRole("region", { name: "Sign-off" });
    await signOff.getByLabel("Snapshot name").fill("after case 1");
    await signOff.getByRole("button", { name: "Take snapshot" }).click();
    await expect.poll(() => signOff.getByRole("status").textContent()).toMatch(/Snapshot “after case 1” taken, SHA-256 [0-9a-f]{64}/);
    expect(await signOff.getByLabel("Snapshot name").inputValue()).toBe("");
    expect(await axeViolations(chair)).toEqual([]);
    await chair.screenshot({ path: "/tmp/issue4b-signoff-bar.png" });

    // The freeze confirmation by keyboard: it opens on Cancel, Escape closes it, focus returns.
    const freezeButton = signOff.getByRole("button", { name: "Freeze and sign off…" });
    await freezeButton.focus();
    await chair.keyboard.press("Enter");
    const dialog = chair.getByRole("dialog", { name: "Freeze and sign off this audit?" });
    await dialog.waitFor();
    await expect.poll(() => chair.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    await chair.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => chair.evaluate(() => document.activeElement?.textContent)).toBe("Freeze and sign off…");
    expect((await reviewApi(server.url, server.admin).listSnapshots(auditId)).body.some((s) => s.kind === "freeze")).toBe(false);

    // The board moves on: a card added, another reworded.
    await addCardOk(api(server.url, server.admin), auditId, caseId, {
      column: "needsToHappen",
      text: "Agree a shared threshold document.",
      agency: "education",
    });
    const writer = await connectBoard(server.wsUrl, auditId, attendee.credentials);
    writer.board.setText(changedCard, "Threshold applied inconsistently between police and education.");
    await writer.board.flushed();
    writer.destroy();

    // From the snapshots page, linked from the board.
    await chair.getByRole("link", { name: "Snapshots", exact: true }).click();
    await chair.getByRole("heading", { level: 1, name: `Snapshots of “${TITLE}”` }).waitFor();
    await chair.getByLabel("Snapshot name").fill("after case 2");
    await chair.getByRole("button", { name: "Take snapshot" }).click();
    await expect.poll(() => chair.getByRole("status").first().textContent()).toContain("Snapshot “after case 2” taken");
    const rows = chair.getByRole("table", { name: "Snapshots, newest first" }).locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.locator("th").allTextContents()).toEqual(["after case 2", "after case 1"]);
    expect(await rows.first().textContent()).toContain("Interim");
    expect(await rows.first().textContent()).toContain("Administrator (Safeguarding Partnership)");

    // The short hash, and the full one on demand.
    const listed = (await reviewApi(server.url, server.admin).listSnapshots(auditId)).body;
    const newest = listed[0];
    if (!newest) throw new Error("no snapshots listed");
    expect(await rows.first().locator("code").textContent()).toBe(`${newest.sha256.slice(0, 12)}…`);
    const showFull = rows.first().getByRole("button", { name: "Show full SHA-256 of “after case 2”" });
    await showFull.click();
    expect(await rows.first().locator("code").textContent()).toBe(newest.sha256);
    expect(
      await rows
        .first()
        .getByRole("button", { name: /SHA-256/ })
        .getAttribute("aria-expanded"),
    ).toBe("true");

    // Compare: A is the older one, B the newer, by default.
    const compare = chair.getByRole("form", { name: "Choose two snapshots" });
    expect(await compare.getByLabel("A: before").inputValue()).toBe(listed[1]?.id);
    expect(await compare.getByLabel("B: after").inputValue()).toBe(newest.id);
    await compare.getByRole("button", { name: "Compare" }).click();
    const diff = chair.getByRole("region", { name: "From “after case 1” to “after case 2”" });
    await expect.poll(() => diff.getByRole("status").textContent()).toBe("1 card added, 0 cards removed, 1 card changed, in 1 case.");
    const added = diff.locator(".diff-needsToHappen .diff-added");
    expect(await added.textContent()).toContain("Agree a shared threshold document.");
    expect(await added.textContent()).toContain("Education");
    const changed = diff.locator(".diff-worried .diff-changed");
    expect(await changed.locator("dd").allTextContents()).toEqual([
      "Threshold applied inconsistently.",
      "Threshold applied inconsistently between police and education.",
    ]);
    expect(await diff.getByRole("heading", { level: 5 }).allTextContents()).toEqual(["What are we worried about", "What needs to happen"]);
    // The comparison is in the address, so it can be shared or reloaded.
    expect(new URL(chair.url()).searchParams.get("from")).toBe(listed[1]?.id);
    expect(await axeViolations(chair)).toEqual([]);
    await chair.screenshot({ path: "/tmp/issue4b-diff.png", fullPage: true });

    // Opening one: an interim snapshot, verified as it was taken.
    await chair.getByRole("link", { name: "after case 1" }).click();
    const check = chair.getByRole("region", { name: "SHA-256 check" });
    await expect.poll(() => check.textContent()).toContain("Verified: this is the text as the snapshot was taken");
    expect(await chair.getByRole("heading", { level: 1 }).textContent()).toContain("Interim");
    const summary = chair.frameLocator("iframe[title^='Learning summary']");
    await expect.poll(() => summary.locator("body").textContent()).toContain("Threshold applied inconsistently.");
    expect(await summary.locator("body").textContent()).not.toContain("Agree a shared threshold document.");
    await chair.context().close();
  });

  it("lets an attendee read the snapshots but not take one", async () => {
    const page = await newPerson(browser);
    await signInAs(page, server.url, attendee.email, attendee.password);
    await page.locator(".audit-item", { hasText: TITLE }).getByRole("link", { name: "Snapshots" }).click();
    await page.getByRole("heading", { level: 1, name: `Snapshots of “${TITLE}”` }).waitFor();
    await expect.poll(() => page.getByRole("table", { name: "Snapshots, newest first" }).locator("tbody tr").count()).toBe(2);
    expect(await page.getByLabel("Snapshot name").count()).toBe(0);
    expect(await page.locator(".freeze-summary").textContent()).toContain("not signed off");
    expect(await axeViolations(page)).toEqual([]);

    // The board: no sign-off controls for an attendee, but the link to the snapshots.
    await openBoard(page, server.url, auditId);
    expect(await page.getByRole("region", { name: "Sign-off" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Snapshots", exact: true }).count()).toBe(1);
    await page.context().close();
  });

  it("warns, loudly, when the snapshot's text does not match its SHA-256", async () => {
    const page = await newPerson(browser);
    await signInAs(page, server.url, attendee.email, attendee.password);
    const [snapshot] = (await reviewApi(server.url, server.admin).listSnapshots(auditId)).body;
    if (!snapshot) throw new Error("no snapshot");
    // A copy changed on its way: one card's text differs from what was hashed.
    await page.route(`**/api/audits/${auditId}/snapshots/${snapshot.id}`, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.content.board.cases[0].columns.workingWell[0].text = "School referred a week later.";
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${server.url}/audits/${auditId}/snapshots/${snapshot.id}`);
    const warning = page.getByRole("alert").filter({ hasText: "Not verified" });
    await expect.poll(() => warning.textContent()).toContain("Not verified: this text does not match its SHA-256");
    expect(await warning.textContent()).toContain(snapshot.sha256);
    expect(await page.getByText("Verified: this is").count()).toBe(0);
    await page.context().close();
  });

  it("keeps hostile card text inert in the snapshot viewer and the comparison", async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const writer = await connectBoard(server.wsUrl, auditId, attendee.credentials);
    const cardId = writer.board.addCard(caseId, "workingWell", "placeholder");
    const body = cardBody(writer.doc, cardId);
    if (!body) throw new Error("no card body");
    writer.doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      body.delete(0, body.length);
      body.insert(0, [paragraph]);
      text.insert(0, hostile);
      text.insert(text.length, " click me", { link: { href: "javascript:window.__pwned=3" } });
    });
    await writer.board.flushed();
    writer.destroy();
    const chair = reviewApi(server.url, server.admin);
    const taken = await chair.takeSnapshot(auditId, "hostile");
    const previous = (await chair.listSnapshots(auditId)).body.find((s) => s.name === "after case 2");

    const page = await newPerson(browser);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInAs(page, server.url, attendee.email, attendee.password);
    await page.goto(`${server.url}/audits/${auditId}/snapshots?from=${previous?.id}&to=${taken.body.id}`);
    const added = page.locator(".diff-added", { hasText: "click me" });
    expect(await added.locator(".diff-text").textContent()).toBe(`${hostile} click me`);
    expect(await page.locator(".diff img, .diff script").count()).toBe(0);

    await page.goto(`${server.url}/audits/${auditId}/snapshots/${taken.body.id}`);
    const frame = page.frameLocator("iframe[title^='Learning summary']");
    await expect.poll(() => frame.locator("body").textContent()).toContain(hostile);
    expect(await frame.locator("main img, main script, a[href^='javascript']").count()).toBe(0);
    await expect.poll(() => page.getByRole("region", { name: "SHA-256 check" }).textContent()).toContain("Verified");
    await frame.getByText("click me").click();
    await page.waitForTimeout(200);
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    const framePwned = await page
      .locator("iframe[title^='Learning summary']")
      .evaluate((iframe) => ((iframe as HTMLIFrameElement).contentWindow as unknown as { __pwned?: number } | null)?.__pwned);
    expect(pwned).toBeUndefined();
    expect(framePwned).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});
