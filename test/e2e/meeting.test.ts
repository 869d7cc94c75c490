/**
 * End-to-end: meeting mode. The chair steers (agenda, timer, budgets), attendees follow or browse,
 * the projector shows one case in large type, anyone raises an immediate safeguarding concern,
 * and the keyboard reaches all of it.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ColumnId, raiseConcern } from "../../shared/board/index.ts";
import { api } from "../helpers/api.ts";
import { connectBoard } from "../helpers/board.ts";
import { axeViolations, launchBrowser, newPerson, openBoardAs, openProjector, signInAs, waitForEditorFocus } from "../helpers/browser.ts";
import { connectMeeting } from "../helpers/meeting.ts";
import { addPerson, type Person } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { sleep, waitFor } from "../helpers/wait.ts";

let server: TestServer;
let browser: Browser;
let auditId: string;
const caseIds: string[] = [];
const people = {} as Record<"chair" | "alex" | "sam", Person>;
const NAMES = { chair: "Jo Chairwoman", alex: "Alex Morgan", sam: "Sam Patel" };

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const client = api(server.url, server.admin);
  const audit = await client.createAudit({
    title: "Domestic abuse and neglect",
    theme: "Domestic abuse",
    agencies: ["police", "health-visiting", "childrens-social-care", "education"],
  });
  auditId = audit.body.id;
  for (const label of ["Case 1", "Case 2", "Case 3", "Case 4"]) {
    const id = (await client.addCase(auditId, { label, ageBand: "5-10" })).body.id;
    caseIds.push(id);
    await client.addCard(auditId, id, { column: "workingWell", text: `${label}: school shared concerns promptly.`, agency: "education" });
    await client.addCard(auditId, id, { column: "worried", text: `${label}: missed health appointments.`, agency: "health-visiting" });
  }
  [people.chair, people.alex, people.sam] = await Promise.all([
    addPerson(server.url, server.admin, { name: NAMES.chair, agency: "childrens-social-care", auditId, role: "chair" }),
    addPerson(server.url, server.admin, { name: NAMES.alex, agency: "police", auditId, role: "attendee" }),
    addPerson(server.url, server.admin, { name: NAMES.sam, agency: "health-visiting", auditId, role: "attendee" }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

const heading = (page: Page) => page.locator("#case-heading");
const agendaCase = (page: Page, label: string) =>
  page
    .getByRole("navigation", { name: "Case agenda" })
    .locator(".agenda-select", { has: page.locator(".agenda-label", { hasText: label }) });
const timeUp = (page: Page) => page.locator(".case-timer.time-up", { hasText: "Time is up" });

/** The chair's page moves the room to `label` through the agenda. */
async function moveRoom(chair: Page, label: string): Promise<void> {
  await agendaCase(chair, label).click();
  await expect.poll(() => heading(chair).textContent()).toBe(label);
}

describe("meeting mode", () => {
  it("moves the attendees and the projector with the chair, lets an attendee browse and come back, and runs out the timer everywhere", async () => {
    const chair = await newPerson(browser);
    const alex = await newPerson(browser);
    const projector = await newPerson(browser, { width: 1920, height: 1080 });
    await openBoardAs(chair, server.url, auditId, people.chair);
    await openBoardAs(alex, server.url, auditId, people.alex);
    await signInAs(projector, server.url, people.sam.email, people.sam.password);
    await openProjector(projector, server.url, auditId);

    // Chair controls for the chair only.
    await chair.getByRole("button", { name: "Start timer" }).waitFor();
    expect(await alex.getByRole("button", { name: "Start timer" }).count()).toBe(0);
    expect(await alex.getByRole("button", { name: "Plan meeting…" }).count()).toBe(0);
    expect(await alex.getByRole("radio", { name: "Following chair" }).isChecked()).toBe(true);
    // The time-up sound: on for the chair, muted for attendees until they turn it on.
    expect(await chair.getByLabel("Sound when time is up").isChecked()).toBe(true);
    expect(await alex.getByLabel("Sound when time is up").isChecked()).toBe(false);

    // The chair moves the room to case 3: the attendee and the projector are there within a second.
    await agendaCase(chair, "Case 3").click();
    const moved = Date.now();
    await Promise.all([
      alex.locator("#case-heading", { hasText: "Case 3" }).waitFor({ timeout: 1_000 }),
      projector.locator(".projector h1", { hasText: "Case 3" }).waitFor({ timeout: 1_000 }),
    ]);
    expect(Date.now() - moved).toBeLessThan(1_000);
    await expect.poll(() => projector.locator(".projector-card").first().textContent()).toContain("Case 3: school shared concerns");
    await expect.poll(() => alex.locator(".meeting-room").textContent()).toContain("Room is on Case 3");
    // Presence says who is on which case: the attendee follows onto case 3.
    await expect.poll(() => chair.locator(".presence-list").first().textContent()).toContain(`${NAMES.alex}, Police – Case 3`);
    await expect.poll(() => agendaCase(chair, "Case 3").textContent()).toContain("In discussion");

    // The attendee browses to case 1; the room and the projector stay on case 3.
    await agendaCase(alex, "Case 1").click();
    await expect.poll(() => heading(alex).textContent()).toBe("Case 1");
    expect(await alex.getByRole("radio", { name: "Browsing" }).isChecked()).toBe(true);
    await expect.poll(() => chair.locator(".presence-list").first().textContent()).toContain(`${NAMES.alex}, Police – Case 1`);
    await sleep(300);
    expect(await heading(chair).textContent()).toBe("Case 3");
    expect(await projector.locator(".projector h1").textContent()).toBe("Case 3");
    await alex.getByRole("button", { name: "Back to chair" }).click();
    await expect.poll(() => heading(alex).textContent()).toBe("Case 3");
    expect(await alex.getByRole("radio", { name: "Following chair" }).isChecked()).toBe(true);
    expect(await alex.getByRole("button", { name: "Back to chair" }).count()).toBe(0);

    // The chair gives case 3 no time at all and starts the timer: it runs out on every page.
    await chair.getByRole("button", { name: "Plan meeting…" }).click();
    await chair.getByLabel("Budget of Case 3 in minutes").fill("0");
    await chair.screenshot({ path: "/tmp/issue5-plan.png" });
    await chair.getByRole("button", { name: "Save plan" }).click();
    await chair.getByRole("button", { name: "Start timer" }).click();
    await Promise.all([timeUp(chair).waitFor(), timeUp(alex).waitFor(), timeUp(projector).waitFor()]);
    await chair.screenshot({ path: "/tmp/issue5-chair-time-up.png" });
    await projector.screenshot({ path: "/tmp/issue5-projector-time-up.png" });
    // Said once, politely, to screen readers.
    await expect.poll(() => alex.locator(".case-timer [role='status']").textContent()).toBe("Time is up for Case 3.");
    expect(await alex.locator(".case-timer [role='status']").getAttribute("aria-live")).toBeNull();
    // +1 minute: no longer over time, counting down on every page.
    await chair.getByRole("button", { name: "+1 min" }).click();
    await expect.poll(() => alex.locator(".case-timer").getAttribute("class")).not.toContain("time-up");
    await expect.poll(() => alex.locator(".timer-clock").textContent()).toMatch(/^0:[5][0-9]$|^1:00$/);
    await chair.getByRole("button", { name: "Pause timer" }).click();
    await expect.poll(() => alex.locator(".timer-state").textContent()).toContain("paused");

    // A scripted attendee writing to the meeting document moves nobody: the server drops it.
    const rogue = await connectMeeting(server.wsUrl, auditId, people.alex.credentials);
    rogue.meeting.goToCase(caseIds[0]);
    await sleep(800);
    expect(await heading(chair).textContent()).toBe("Case 3");
    expect(await heading(alex).textContent()).toBe("Case 3");
    expect(await projector.locator(".projector h1").textContent()).toBe("Case 3");
    rogue.destroy();
    const watcher = await connectMeeting(server.wsUrl, auditId, people.sam.credentials);
    expect(watcher.meeting.read().currentCaseId).toBe(caseIds[2]);
    watcher.destroy();

    await chair.screenshot({ path: "/tmp/issue5-chair.png" });
    await alex.screenshot({ path: "/tmp/issue5-attendee.png" });
    await Promise.all([chair.context().close(), alex.context().close(), projector.context().close()]);
  });

  it("projects one case in large type without names, scrolling a long column, with the case's concerns, live", async () => {
    const client = api(server.url, server.admin);
    const longCase = (await client.addCase(auditId, { label: "Case 5", ageBand: "11-15" })).body.id;
    const lines: Record<ColumnId, string> = {
      workingWell: "Teacher noticed the change in behaviour and spoke to the designated safeguarding lead the same day",
      worried: "Repeated domestic abuse incidents were not shared with the school before the strategy meeting",
      needsToHappen: "Police to share domestic abuse notifications with schools within 24 hours via Operation Encompass",
    };
    const agencies = ["police", "health-visiting", "education", "childrens-social-care"];
    for (const column of Object.keys(lines) as ColumnId[]) {
      for (let i = 1; i <= 12; i++) {
        await client.addCard(auditId, longCase, { column, text: `${i}. ${lines[column]}.`, agency: agencies[i % agencies.length] });
      }
    }
    const writer = await connectBoard(server.wsUrl, auditId, people.alex.credentials);
    raiseConcern(writer.doc, {
      caseId: longCase,
      concern: "Younger sibling may still be living with the perpetrator",
      agency: "childrens-social-care",
      who: "Duty team manager",
      raisedBy: "ignored",
      raisedByAgency: "police",
    });
    await writer.board.flushed();

    const chair = await newPerson(browser);
    await openBoardAs(chair, server.url, auditId, people.chair);
    await moveRoom(chair, "Case 5");

    const projector = await newPerson(browser, { width: 1920, height: 1080 });
    await signInAs(projector, server.url, people.chair.email, people.chair.password);
    await openProjector(projector, server.url, auditId);
    await projector.locator(".projector h1", { hasText: "Case 5" }).waitFor();
    await expect.poll(() => projector.locator(".projector-card").count()).toBe(36);

    // Card text at least 24 px, in every column, even when the column is long.
    const sizes = await projector
      .locator(".projector-card .rich-text p")
      .evaluateAll((elements) => elements.map((e) => Number.parseFloat(getComputedStyle(e).fontSize)));
    expect(sizes).toHaveLength(36);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    // Nothing clipped silently: what is out of view is said.
    await expect.poll(() => projector.locator(".projector-more.below").count()).toBe(3);
    expect(await projector.locator(".projector-more.below").first().textContent()).toMatch(/↓ \d+ more below/);

    // Only this case: no other case's label, cards or ids; no names; no menus or side panels.
    const html = await projector.content();
    const text = (await projector.locator("body").innerText()) ?? "";
    for (const label of ["Case 1", "Case 2", "Case 3", "Case 4"]) expect(text).not.toContain(label);
    expect(text).not.toContain("school shared concerns");
    for (const id of caseIds) expect(html).not.toContain(id);
    for (const name of [...Object.values(NAMES), "Duty team manager"]) expect(html).not.toContain(name);
    expect(await projector.locator("nav, aside, .agenda, .presence, .meeting-bar, button").count()).toBe(0);
    // The case's immediate concern, prominently, with the agency that must act.
    expect(await projector.locator(".projector-concerns").textContent()).toContain(
      "Younger sibling may still be living with the perpetratorChildren's Social Care to act by",
    );
    expect(await axeViolations(projector)).toEqual([]);
    await projector.screenshot({ path: "/tmp/issue5-projector.png" });

    // Live as people type.
    const first = writer.board.read().cases.find((c) => c.id === longCase)?.columns.worried[0];
    if (!first) throw new Error("no card");
    writer.board.setText(first.id, "Typed live: the referral was late.");
    await projector.locator(".projector-card", { hasText: "Typed live: the referral was late." }).waitFor({ timeout: 2_000 });

    writer.destroy();
    await Promise.all([chair.context().close(), projector.context().close()]);
  });

  it("lets an attendee raise an immediate concern that everyone sees on the case, and that leads the action plan as urgent", async () => {
    const chair = await newPerson(browser);
    const sam = await newPerson(browser);
    await openBoardAs(chair, server.url, auditId, people.chair);
    await openBoardAs(sam, server.url, auditId, people.sam);
    await moveRoom(chair, "Case 2");
    await expect.poll(() => heading(sam).textContent()).toBe("Case 2");

    await sam.getByRole("button", { name: "Raise immediate concern" }).click();
    const dialog = sam.getByRole("dialog", { name: "Raise an immediate concern: Case 2" });
    await dialog.waitFor();
    // By when: 24 hours from now unless changed.
    const due = await dialog.getByLabel("By when").inputValue();
    const hours = (Date.parse(due) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThan(24.1);
    await dialog.getByLabel("What is the concern?").fill("Baby left with a carer under the influence");
    await dialog.getByLabel("Agency that must act").selectOption("childrens-social-care");
    await dialog.getByLabel("Who (role or team, optional)").fill("Duty social worker");
    await sam.screenshot({ path: "/tmp/issue5-raise-concern.png" });
    await dialog.getByRole("button", { name: "Raise concern" }).click();
    await dialog.waitFor({ state: "hidden" });

    // On the case for the chair, with who raised it; counted in the agenda.
    const banner = chair.locator(".concern-banner");
    await expect.poll(() => banner.textContent()).toContain("Baby left with a carer under the influence");
    expect(await banner.textContent()).toContain("Children's Social Care (Duty social worker) to act by");
    expect(await banner.textContent()).toContain(`Raised by ${NAMES.sam}, Health Visiting`);
    // Case 5's concern (raised in the projector test) and this one.
    await expect.poll(() => chair.locator(".count-badge.urgent").textContent()).toBe("2 open");

    // The chair's list of concerns, then the action plan: urgent, first.
    await chair.getByRole("button", { name: /^Immediate concerns/ }).click();
    await chair.locator(".concerns-view .concern", { hasText: "Baby left with a carer" }).waitFor();
    await chair.getByRole("button", { name: /^Action plan/ }).click();
    const rows = chair.locator(".action-table tbody tr");
    await expect.poll(() => rows.nth(1).textContent()).toContain("Baby left with a carer under the influence");
    // Both concerns (oldest first) come before the card actions, marked urgent.
    for (const i of [0, 1]) {
      expect(await rows.nth(i).getAttribute("class")).toContain("urgent");
      expect(await rows.nth(i).textContent()).toContain("Urgent: immediate concern");
    }
    expect(await rows.nth(1).textContent()).toContain("Children's Social CareDuty social worker");
    expect(await axeViolations(chair)).toEqual([]);
    await chair.screenshot({ path: "/tmp/issue5-action-plan-urgent.png" });

    // Marked actioned by the attendee: the chair's badge goes.
    await sam.locator(".concern-banner").getByRole("button", { name: "Mark actioned" }).click();
    await expect.poll(() => chair.locator(".count-badge.urgent").textContent()).toBe("1 open");
    await Promise.all([chair.context().close(), sam.context().close()]);
  });

  it("works by keyboard: shortcut help, next and previous case, add a card, start and pause the timer; never while typing", async () => {
    const chair = await newPerson(browser);
    const alex = await newPerson(browser);
    await openBoardAs(chair, server.url, auditId, people.chair);
    await openBoardAs(alex, server.url, auditId, people.alex);
    await moveRoom(chair, "Case 1");
    await expect.poll(() => heading(alex).textContent()).toBe("Case 1");

    // "?" opens the help, Escape closes it.
    await chair.locator("body").press("?");
    const help = chair.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    expect(await help.textContent()).toContain("Start or pause the case timer");
    await chair.screenshot({ path: "/tmp/issue5-shortcuts.png" });
    expect(await alex.getByRole("dialog").count()).toBe(0);
    await chair.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });

    // N moves the room on (the chair leads it); the attendee follows.
    await chair.keyboard.press("n");
    await expect.poll(() => heading(chair).textContent()).toBe("Case 2");
    await expect.poll(() => heading(alex).textContent()).toBe("Case 2");
    await chair.keyboard.press("p");
    await expect.poll(() => heading(alex).textContent()).toBe("Case 1");

    // T starts and pauses the timer.
    await chair.keyboard.press("t");
    await chair.getByRole("button", { name: "Pause timer" }).waitFor();
    await expect.poll(() => alex.locator(".timer-state").textContent()).toBe("left");
    await chair.keyboard.press("t");
    await chair.getByRole("button", { name: "Start timer" }).waitFor();

    // 2 adds a card to "What are we worried about" and puts the keyboard in it; typed keys stay text.
    await alex.keyboard.press("2");
    await waitForEditorFocus(alex);
    await alex.keyboard.type("Typed by keyboard: no one asked about the new partner.");
    await alex.keyboard.press("Escape");
    await chair
      .locator("section.column-worried article.card", { hasText: "Typed by keyboard: no one asked about the new partner." })
      .waitFor();
    expect(await heading(alex).textContent()).toBe("Case 1");
    expect(await heading(chair).textContent()).toBe("Case 1");

    // The attendee's N and P browse alone; B comes back to the chair.
    await alex.locator("body").press("n");
    await expect.poll(() => heading(alex).textContent()).toBe("Case 2");
    expect(await alex.getByRole("radio", { name: "Browsing" }).isChecked()).toBe(true);
    expect(await heading(chair).textContent()).toBe("Case 1");
    await alex.keyboard.press("b");
    await expect.poll(() => heading(alex).textContent()).toBe("Case 1");
    expect(await alex.getByRole("radio", { name: "Following chair" }).isChecked()).toBe(true);

    // Single-key shortcuts can be turned off (WCAG 2.1.4).
    await alex.keyboard.press("?");
    await alex.getByRole("dialog", { name: "Keyboard shortcuts" }).getByLabel("Use single-key shortcuts").uncheck();
    await alex.keyboard.press("Escape");
    await alex.locator("body").press("n");
    await sleep(300);
    expect(await heading(alex).textContent()).toBe("Case 1");

    // The board with its meeting controls: no axe violations, for the chair and the attendee.
    expect(await axeViolations(chair)).toEqual([]);
    expect(await axeViolations(alex)).toEqual([]);
    await Promise.all([chair.context().close(), alex.context().close()]);
  });

  it("gives an attendee made chair the controls at once, and they move the room", async () => {
    const client = api(server.url, server.admin);
    const kim = await addPerson(server.url, server.admin, { name: "Kim Lee", agency: "education", auditId, role: "attendee" });
    const page = await newPerson(browser);
    const sam = await newPerson(browser);
    await openBoardAs(page, server.url, auditId, kim);
    await openBoardAs(sam, server.url, auditId, people.sam);
    expect(await page.getByRole("button", { name: "Start timer" }).count()).toBe(0);

    // Kim browses to case 2 (the room is elsewhere) before the role change: she is still browsing after it.
    const room = (await sam.locator(".meeting-room strong").textContent()) ?? "";
    expect(room).not.toBe("Case 2");
    await agendaCase(page, "Case 2").click();
    await expect.poll(() => heading(page).textContent()).toBe("Case 2");

    expect((await client.postJson(`/api/audits/${auditId}/members`, { email: kim.email, role: "chair" })).status).toBe(200);
    await page.getByRole("button", { name: "Start timer" }).waitFor();
    expect(await page.getByRole("radio", { name: "Browsing" }).isChecked()).toBe(true);
    expect(await heading(page).textContent()).toBe("Case 2");
    await page.getByRole("radio", { name: "Leading the room" }).check();
    await expect.poll(() => heading(page).textContent()).toBe(room);
    await agendaCase(page, "Case 4").click();
    await expect.poll(() => heading(sam).textContent()).toBe("Case 4");

    // And back: the controls go, and the room no longer moves with this person.
    expect((await client.postJson(`/api/audits/${auditId}/members`, { email: kim.email, role: "attendee" })).status).toBe(200);
    await page.getByRole("button", { name: "Start timer" }).waitFor({ state: "detached" });
    await agendaCase(page, "Case 1").click();
    await expect.poll(() => heading(page).textContent()).toBe("Case 1");
    await sleep(500);
    expect(await heading(sam).textContent()).toBe("Case 4");
    await Promise.all([page.context().close(), sam.context().close()]);
  });

  it("lets an observer follow the room without any control", async () => {
    const observer = await addPerson(server.url, server.admin, { name: "Olu Observer", agency: "education", auditId, role: "observer" });
    const page = await newPerson(browser);
    await openBoardAs(page, server.url, auditId, observer);
    await expect.poll(() => page.locator(".meeting-room").textContent()).toMatch(/Room is on/);
    expect(await page.getByRole("button", { name: "Raise immediate concern" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Start timer" }).count()).toBe(0);
    await waitFor(async () => (await page.getByRole("radio", { name: "Following chair" }).isChecked()) === true);
    await page.context().close();
  });
});
