/**
 * End-to-end: actions on "What needs to happen" cards and the live action plan, in Chromium.
 * Two attendees of different agencies and an observer, each in their own browser context.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAction } from "../../shared/board/index.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { connectBoard } from "../helpers/board.ts";
import { axeViolations, launchBrowser, newPerson, openBoardAs } from "../helpers/browser.ts";
import { addPerson, type Person } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let browser: Browser;
let auditId: string;
const ids = {} as Record<"case1" | "case2" | "case3" | "finding" | "refer" | "marac" | "chronology", string>;
const accounts = {} as Record<"alex" | "sam" | "olive", Person>;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const client = api(server.url, server.admin);
  const audit = await createAuditOk(client, {
    title: "Domestic abuse and substance misuse",
    theme: "Domestic abuse",
    agencies: ["police", "health-visiting", "childrens-social-care", "education"],
  });
  auditId = audit.id;
  ids.case1 = await addCaseOk(client, auditId, { label: "Case 1", ageBand: "0-5", plan: "cp" });
  ids.case2 = await addCaseOk(client, auditId, { label: "Case 2", ageBand: "6-11", plan: "cin" });
  ids.case3 = await addCaseOk(client, auditId, { label: "Case 3", ageBand: "12-17" });
  ids.finding = await addCardOk(client, auditId, ids.case1, {
    column: "worried",
    text: "Mum's alcohol use was not explored with her.",
    agency: "health-visiting",
  });
  await addCardOk(client, auditId, ids.case1, {
    column: "workingWell",
    text: "Health visitor persisted with visits.",
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
  ids.chronology = await addCardOk(client, auditId, ids.case3, {
    column: "needsToHappen",
    text: "Complete the single assessment and chronology.",
    agency: "childrens-social-care",
  });
  const person = (name: string, agency: string, role: "attendee" | "observer") =>
    addPerson(server.url, server.admin, { name, agency, auditId, role });
  [accounts.alex, accounts.sam, accounts.olive] = await Promise.all([
    person("Alex Morgan", "police", "attendee"),
    person("Sam Patel", "health-visiting", "attendee"),
    person("Olive Observer", "education", "observer"),
  ]);
  // A scripted client makes the third action: owned, but due long ago, so it is overdue.
  const writer = await connectBoard(server.wsUrl, auditId, accounts.alex.credentials);
  setAction(writer.doc, ids.chronology, {
    ownerAgency: "childrens-social-care",
    lead: "Team manager",
    dueDate: "2020-01-31",
    priority: "medium",
  });
  await writer.board.flushed();
  writer.destroy();
});

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

const card = (page: Page, text: string) => page.locator("article.card", { hasText: text });
/** An agenda entry by the start of its name ("Case 2 6-11 · Child in need · 1 card" is "Case 2"). */
const agenda = (page: Page, start: string) =>
  page.getByRole("navigation", { name: "Case agenda" }).getByRole("button", { name: new RegExp(`^${start}\\b`) });

describe("actions on the live board", () => {
  it("makes a card an action, fills in its details live for another agency, and warns while it is not SMART", async () => {
    const alex = await newPerson(browser);
    const sam = await newPerson(browser);
    await openBoardAs(alex, server.url, auditId, accounts.alex);
    await openBoardAs(sam, server.url, auditId, accounts.sam);

    // Only "What needs to happen" cards offer "Make action".
    expect(await card(alex, "Mum's alcohol use").getByRole("button", { name: "Make action" }).count()).toBe(0);
    const refer = card(alex, "Refer mum");
    await refer.getByRole("button", { name: "Make action" }).click();
    // The details open with the keyboard in the first field and both warnings; Escape closes them and
    // the card itself shows the warnings.
    await expect.poll(() => alex.evaluate(() => document.activeElement?.id)).toBe(`action-${ids.refer}-owner`);
    await expect.poll(() => refer.locator(".action-form .smart-warning").textContent()).toContain("No owner agency; No due date");
    await alex.keyboard.press("Escape");
    await expect.poll(() => alex.evaluate(() => document.activeElement?.textContent)).toBe("Action details");
    expect(await refer.locator(".action-form").count()).toBe(0);
    expect(await refer.locator(".action-summary .smart-warning").textContent()).toContain("No owner agency; No due date");
    await refer.getByRole("button", { name: "Action details" }).click();
    // Sam sees the new action and its warning at once.
    const onSam = card(sam, "Refer mum");
    await expect.poll(() => onSam.locator(".action-summary").textContent()).toContain("Open");
    await expect.poll(() => onSam.locator(".smart-warning").textContent()).toContain("No owner agency");
    expect(await onSam.getAttribute("aria-label")).toMatch(/^Action card by Health Visiting/);

    await refer.getByLabel("Owner agency").selectOption("health-visiting");
    await expect.poll(() => onSam.locator(".smart-warning").textContent()).toContain("No due date");
    await refer.getByLabel("Lead (name or role)").fill("Named health visitor");
    await refer.getByLabel("Due date").fill("2030-01-31");
    await refer.getByLabel("Priority").selectOption("high");
    await refer.getByLabel("Status").selectOption("in-progress");
    await refer.getByLabel("Answers finding").selectOption({ label: "Mum's alcohol use was not explored with her." });
    await expect.poll(() => refer.locator(".action-form").textContent()).toContain("Owner agency and due date set.");

    const summary = onSam.locator(".action-summary");
    // Each field is its own update: wait until the last one has arrived, then check them all.
    const expectedParts = [
      "Named health visitor",
      "In progress",
      "High priority",
      "Health Visiting",
      "31 Jan 2030",
      "Mum's alcohol use was not explored",
    ];
    await expect
      .poll(async () => {
        const text = (await summary.textContent()) ?? "";
        return expectedParts.filter((part) => !text.includes(part));
      })
      .toEqual([]);
    expect(await summary.locator(".smart-warning").count()).toBe(0);

    // Case 2: an owner but no due date keeps the due-date warning, on the card and in the form.
    await agenda(alex, "Case 2").click();
    const marac = card(alex, "Share MARAC outcomes");
    await marac.getByRole("button", { name: "Make action" }).click();
    await marac.getByLabel("Owner agency").selectOption("police");
    await expect.poll(() => marac.locator(".action-form .smart-warning").textContent()).toContain("No due date");
    expect(await marac.locator(".action-form .smart-warning").textContent()).not.toContain("No owner agency");
    // Closing the details returns focus to their button; the card keeps the warning.
    await marac.getByRole("button", { name: "Close details" }).click();
    await expect.poll(() => alex.evaluate(() => document.activeElement?.textContent)).toBe("Action details");
    expect(await marac.locator(".action-summary .smart-warning").textContent()).toContain("No due date");
    expect(await marac.locator(".action-summary .smart-warning").textContent()).not.toContain("No owner agency");

    await agenda(alex, "Case 1").click();
    await card(alex, "Refer mum").locator(".action-summary").waitFor();
    await alex.screenshot({ path: "/tmp/issue4-board-actions.png", fullPage: true });
    // The later tests read these actions from the server: every edit must be saved before the pages close.
    await alex.locator(".save-status.save-saved").waitFor();
    await Promise.all([alex.context().close(), sam.context().close()]);
  });

  it("lists every action in the action plan, filters by agency, status and overdue, and links to the card", async () => {
    const sam = await newPerson(browser);
    await openBoardAs(sam, server.url, auditId, accounts.sam);
    await agenda(sam, "Action plan").click();
    const rows = sam.locator("table.action-table tbody tr");
    await expect.poll(() => rows.count()).toBe(3);
    // In agenda order, each with its SMART warnings.
    expect(await sam.locator("table.action-table tbody th a").allTextContents()).toEqual([
      "Refer mum to the substance misuse service.",
      "Share MARAC outcomes with the school.",
      "Complete the single assessment and chronology.",
    ]);
    expect(await rows.filter({ hasText: "Share MARAC" }).locator(".smart-warning").textContent()).toContain("No due date");
    expect(await rows.filter({ hasText: "Refer mum" }).locator(".smart-warning").count()).toBe(0);
    const referRow = rows.filter({ hasText: "Refer mum" });
    const referText = await referRow.textContent();
    for (const expected of [
      "Case 1",
      "Health Visiting",
      "Named health visitor",
      "31 Jan 2030",
      "High",
      "In progress",
      "Mum's alcohol use",
    ]) {
      expect(referText).toContain(expected);
    }
    expect(await rows.filter({ hasText: "Complete the single assessment" }).textContent()).toContain("Overdue");
    expect(await sam.locator(".plan-totals").textContent()).toContain("1 overdue");

    await sam.getByLabel("Owner agency").selectOption("police");
    await expect.poll(() => rows.allTextContents()).toHaveLength(1);
    expect(await rows.first().textContent()).toContain("Share MARAC outcomes");
    expect(await sam.locator(".plan-count").textContent()).toBe("Showing 1 of 3 actions");

    await sam.getByLabel("Owner agency").selectOption("");
    await sam.getByLabel("Status", { exact: true }).selectOption("in-progress");
    await expect.poll(() => rows.allTextContents()).toHaveLength(1);
    expect(await rows.first().textContent()).toContain("Refer mum");

    await sam.getByLabel("Status", { exact: true }).selectOption("");
    await sam.getByLabel("Overdue only").check();
    await expect.poll(() => rows.allTextContents()).toHaveLength(1);
    expect(await rows.first().textContent()).toContain("Complete the single assessment");
    // The filters live in the address.
    expect(new URL(sam.url()).searchParams.get("overdue")).toBe("1");

    await sam.getByLabel("Overdue only").uncheck();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await axeViolations(sam)).toEqual([]);
    await sam.screenshot({ path: "/tmp/issue4-action-plan.png", fullPage: true });

    // A change on the board reaches the open plan live.
    const writer = await connectBoard(server.wsUrl, auditId, accounts.alex.credentials);
    setAction(writer.doc, ids.marac, { dueDate: "2031-06-30", status: "done" });
    await writer.board.flushed();
    writer.destroy();
    await expect.poll(() => rows.filter({ hasText: "Share MARAC" }).textContent()).toContain("30 Jun 2031");
    expect(await rows.filter({ hasText: "Share MARAC" }).textContent()).toContain("Done");
    expect(await rows.filter({ hasText: "Share MARAC" }).locator(".smart-warning").count()).toBe(0);

    // An action's text opens its card on the board.
    await sam.getByRole("link", { name: "Share MARAC outcomes with the school." }).click();
    await sam.locator("#case-heading", { hasText: "Case 2" }).waitFor();
    await expect.poll(() => sam.evaluate(() => document.activeElement?.getAttribute("data-card-id"))).toBe(ids.marac);
    await sam.context().close();
  });

  it("shows an observer the actions and the plan, but no controls", async () => {
    const olive = await newPerson(browser);
    await openBoardAs(olive, server.url, auditId, accounts.olive);
    const refer = card(olive, "Refer mum");
    await expect.poll(() => refer.locator(".action-summary").textContent()).toContain("Named health visitor");
    for (const name of ["Make action", "Action details", "Edit card text", "Delete"]) {
      expect(await olive.getByRole("button", { name }).count()).toBe(0);
    }
    expect(await olive.getByRole("button", { name: /^Themes( \(\d+\))?…$/ }).count()).toBe(0);
    await agenda(olive, "Action plan").click();
    await expect.poll(() => olive.locator("table.action-table tbody tr").count()).toBe(3);
    expect(await axeViolations(olive)).toEqual([]);
    await olive.context().close();
  });
});
