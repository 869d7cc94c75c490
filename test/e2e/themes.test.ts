/**
 * End-to-end: cross-case themes (tagging, the theme × case grid, the audit's theme list) and the
 * co-edited audit-level sections, in Chromium, for two attendees and an observer.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAction, tagCard, themeIdFor } from "../../shared/board/index.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { connectBoard } from "../helpers/board.ts";
import { axeViolations, editorText, launchBrowser, newPerson, openBoardAs, waitForEditorFocus } from "../helpers/browser.ts";
import { addPerson, type Person } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let browser: Browser;
let auditId: string;
const accounts = {} as Record<"alex" | "sam" | "olive", Person>;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const client = api(server.url, server.admin);
  const audit = await createAuditOk(client, {
    title: "Voice of the child",
    theme: "Neglect",
    agencies: ["police", "health-visiting", "education", "childrens-social-care"],
  });
  auditId = audit.id;
  const case1 = await addCaseOk(client, auditId, { label: "Case 1", ageBand: "0-5" });
  const case2 = await addCaseOk(client, auditId, { label: "Case 2", ageBand: "6-11" });
  const case3 = await addCaseOk(client, auditId, { label: "Case 3", ageBand: "12-17" });
  await addCardOk(client, auditId, case1, {
    column: "workingWell",
    text: "School knew the child well and shared concerns early.",
    agency: "education",
  });
  await addCardOk(client, auditId, case1, {
    column: "worried",
    text: "The child's views were not recorded at the conference.",
    agency: "education",
  });
  const action = await addCardOk(client, auditId, case1, {
    column: "needsToHappen",
    text: "Record the child's wishes and feelings at every visit.",
    agency: "childrens-social-care",
  });
  await addCardOk(client, auditId, case2, {
    column: "worried",
    text: "Nobody asked the child what life at home was like.",
    agency: "police",
  });
  const goodCase3 = await addCardOk(client, auditId, case3, {
    column: "workingWell",
    text: "School nurse recorded the young person's wishes.",
    agency: "health-visiting",
  });
  const person = (name: string, agency: string, role: "attendee" | "observer") =>
    addPerson(server.url, server.admin, { name, agency, auditId, role });
  [accounts.alex, accounts.sam, accounts.olive] = await Promise.all([
    person("Alex Morgan", "police", "attendee"),
    person("Sam Patel", "health-visiting", "attendee"),
    person("Olive Observer", "education", "observer"),
  ]);
  // Set up by script: one action with its details, and a tag in case 3.
  const writer = await connectBoard(server.wsUrl, auditId, accounts.alex.credentials);
  setAction(writer.doc, action, { ownerAgency: "childrens-social-care", lead: "Team manager", priority: "high" });
  tagCard(writer.doc, goodCase3, themeIdFor("Record keeping and chronologies"), true);
  await writer.board.flushed();
  writer.destroy();
});

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

const card = (page: Page, text: string) => page.locator("article.card", { hasText: text });
/** An agenda entry by the start of its name ("Case 2 6-11 · 1 card" is "Case 2"). */
const agenda = (page: Page, start: string) =>
  page.getByRole("navigation", { name: "Case agenda" }).getByRole("button", { name: new RegExp(`^${start}\\b`) });
const THEMES_BUTTON = /^Themes( \(\d+\))?…$/;

async function tag(page: Page, cardText: string, themes: string[]): Promise<void> {
  const target = card(page, cardText);
  await target.getByRole("button", { name: THEMES_BUTTON }).click();
  for (const theme of themes) await target.getByLabel(theme, { exact: true }).check();
  await target.getByRole("button", { name: "Done" }).click();
}

describe("themes across cases", () => {
  // Two people, two axe-core runs and two full-page screenshots: 25 s on a quiet machine.
  it("tags cards in two cases with one theme, and the grid says it was seen in 2 of 3 cases", async () => {
    const alex = await newPerson(browser);
    const sam = await newPerson(browser);
    await openBoardAs(alex, server.url, auditId, accounts.alex);
    await openBoardAs(sam, server.url, auditId, accounts.sam);

    await tag(alex, "views were not recorded", ["Voice of the child"]);
    // Focus returns to the button; the chips show on both screens.
    await expect.poll(() => alex.evaluate(() => document.activeElement?.textContent)).toBe("Themes (1)…");
    await expect.poll(() => card(alex, "views were not recorded").locator(".theme-chip").allTextContents()).toEqual(["Voice of the child"]);
    await expect.poll(() => card(sam, "views were not recorded").locator(".theme-chip").allTextContents()).toEqual(["Voice of the child"]);

    await agenda(sam, "Case 2").click();
    await tag(sam, "Nobody asked the child", ["Voice of the child", "Information sharing"]);
    await expect
      .poll(() => card(sam, "Nobody asked the child").locator(".theme-chip").allTextContents())
      .toEqual(["Voice of the child", "Information sharing"]);

    await agenda(alex, "Themes across cases").click();
    const row = (page: Page, theme: string) =>
      page.locator("table.theme-grid tbody tr", { has: page.getByRole("rowheader", { name: theme }) });
    await expect.poll(() => row(alex, "Voice of the child").locator(".seen-in").textContent()).toBe("Seen in 2 of 3 cases");
    expect(await row(alex, "Voice of the child").getAttribute("class")).toBe("recurring");
    expect(await row(alex, "Voice of the child").locator("td.count-cell.seen").allTextContents()).toEqual(["1", "1"]);
    expect(await row(alex, "Information sharing").locator(".seen-in").textContent()).toBe("Seen in 1 of 3 cases");
    expect(await row(alex, "Information sharing").getAttribute("class")).toBeNull();
    expect(await row(alex, "Record keeping and chronologies").locator(".seen-in").textContent()).toBe("Seen in 1 of 3 cases");
    expect(await alex.locator(".recurring-summary").textContent()).toBe("Seen in two or more cases: Voice of the child (2).");
    expect(await agenda(alex, "Themes across cases").textContent()).toContain("1 theme in 2+ cases");

    // A theme added by one person reaches the other's card checklist at once.
    await alex.getByLabel("New theme").fill("Neglect of dental care");
    await alex.getByRole("button", { name: "Add theme" }).click();
    await row(alex, "Neglect of dental care").waitFor();
    await tag(sam, "Nobody asked the child", ["Neglect of dental care"]);
    await expect
      .poll(() => card(sam, "Nobody asked the child").locator(".theme-chip").allTextContents())
      .toContain("Neglect of dental care");
    await expect.poll(() => row(alex, "Neglect of dental care").locator(".seen-in").textContent()).toBe("Seen in 1 of 3 cases");

    // The same name twice is refused, whatever its case.
    await alex.getByLabel("New theme").fill("voice of the child");
    await alex.getByRole("button", { name: "Add theme" }).click();
    await expect.poll(() => alex.locator(".add-theme .error").textContent()).toBe("There is already a theme called “voice of the child”.");

    await alex.getByRole("button", { name: "Rename Neglect of dental care" }).click();
    await alex.getByLabel("New name for Neglect of dental care").fill("Dental neglect");
    await alex.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => card(sam, "Nobody asked the child").locator(".theme-chip").allTextContents()).toContain("Dental neglect");

    expect(await axeViolations(alex)).toEqual([]);
    await alex.screenshot({ path: "/tmp/issue4-theme-grid.png", fullPage: true });

    // Deleting asks first, then untags the card everywhere.
    await alex.getByRole("button", { name: "Delete Dental neglect" }).click();
    await alex.getByRole("button", { name: /^Confirm delete of Dental neglect/ }).click();
    await expect
      .poll(() => card(sam, "Nobody asked the child").locator(".theme-chip").allTextContents())
      .toEqual(["Voice of the child", "Information sharing"]);
    // Polled too: Sam's page can show the deletion before Alex's own grid has re-rendered.
    await expect.poll(() => row(alex, "Dental neglect").count()).toBe(0);

    // The board with tags and an action whose details are open.
    await agenda(sam, "Case 1").click();
    const action = card(sam, "Record the child's wishes");
    await action.getByRole("button", { name: "Action details" }).click();
    await action.locator(".action-form").waitFor();
    await sam.screenshot({ path: "/tmp/issue4-board-tags.png", fullPage: true });
    expect(await axeViolations(sam)).toEqual([]);
    // The checklist open too (in the last column it opens leftwards).
    await action.getByRole("button", { name: THEMES_BUTTON }).click();
    await action.locator(".theme-menu").waitFor();
    expect(await axeViolations(sam)).toEqual([]);
    await sam.screenshot({ path: "/tmp/issue4-theme-menu.png" });
    await Promise.all([alex.context().close(), sam.context().close()]);
  }, 60_000);

  it("co-edits the good practice section, next to the other audit-level sections", async () => {
    const alex = await newPerson(browser);
    const sam = await newPerson(browser);
    await openBoardAs(alex, server.url, auditId, accounts.alex);
    await openBoardAs(sam, server.url, auditId, accounts.sam);
    await agenda(alex, "Good practice and evidence").click();
    await agenda(sam, "Good practice and evidence").click();
    await alex.getByRole("heading", { name: "Good practice and evidence" }).waitFor();

    await alex.getByRole("button", { name: "Edit good practice and evidence" }).click();
    await waitForEditorFocus(alex);
    await alex.keyboard.type("Health visitors persisted with visits despite missed appointments.");
    await expect
      .poll(() => sam.locator(".section .rich-text").textContent())
      .toBe("Health visitors persisted with visits despite missed appointments.");

    await sam.getByRole("button", { name: "Edit good practice and evidence" }).click();
    await waitForEditorFocus(sam);
    await sam.keyboard.press("Control+End");
    await sam.keyboard.type(" Schools shared concerns early.");
    await expect
      .poll(() => editorText(alex))
      .toBe("Health visitors persisted with visits despite missed appointments. Schools shared concerns early.");
    expect(await alex.locator(".presence-list").textContent()).toContain("Sam Patel, Health Visiting – Good practice and evidence");

    // The questions section is its own text.
    await agenda(alex, "Questions for practice").click();
    await alex.getByRole("heading", { name: "Questions for practice" }).waitFor();
    expect(await alex.locator(".section .rich-text").textContent()).toBe("Nothing recorded yet – click to write");
    await Promise.all([alex.context().close(), sam.context().close()]);
  });

  it("shows an observer the tags, the grid and the sections, with no controls", async () => {
    const olive = await newPerson(browser);
    await openBoardAs(olive, server.url, auditId, accounts.olive);
    await expect
      .poll(() => card(olive, "views were not recorded").locator(".theme-chip").allTextContents())
      .toEqual(["Voice of the child"]);
    expect(await card(olive, "Record the child's wishes").locator(".action-summary").textContent()).toContain("Team manager");
    expect(await olive.getByRole("button", { name: THEMES_BUTTON }).count()).toBe(0);
    expect(await olive.getByRole("button", { name: "Action details" }).count()).toBe(0);

    await agenda(olive, "Themes across cases").click();
    await expect.poll(() => olive.locator("table.theme-grid tbody tr.recurring th").textContent()).toContain("Voice of the child");
    expect(await olive.getByRole("heading", { name: "The audit’s themes" }).count()).toBe(0);
    expect(await olive.getByRole("button", { name: /^(Rename|Delete|Add theme)/ }).count()).toBe(0);
    expect(await axeViolations(olive)).toEqual([]);

    await agenda(olive, "Good practice and evidence").click();
    await expect.poll(() => olive.locator(".section .rich-text").textContent()).toContain("Schools shared concerns early.");
    expect(await olive.getByRole("button", { name: /^Edit/ }).count()).toBe(0);
    await olive.context().close();
  });
});
