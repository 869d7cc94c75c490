/**
 * End-to-end: the pages around the board. Members (chair), the audit trail (chair and admin),
 * one's account (password, access tokens) and the admin's users page. Real server, real built
 * client, headless Chromium.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { axeViolations, fillSignIn, launchBrowser, newPerson, signInAs } from "../helpers/browser.ts";
import { addPerson, type Person } from "../helpers/people.ts";
import { startTestServer, TEST_ADMIN, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let browser: Browser;
let auditId: string;
let chair: Person;
let attendee: Person;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const http = api(server.url, server.admin);
  auditId = (await createAuditOk(http, { title: "Referrals into MASH", theme: "Referrals", agencies: ["police", "education", "gp"] })).id;
  await addCaseOk(http, auditId, { label: "Case 1" });
  [chair, attendee] = await Promise.all([
    addPerson(server.url, server.admin, { name: "Cleo Chair", agency: "partnership", auditId, role: "chair" }),
    addPerson(server.url, server.admin, { name: "Ivo Teacher", agency: "education", auditId, role: "attendee" }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

async function signedIn(person: { email: string; password: string }): Promise<Page> {
  const page = await newPerson(browser);
  await signInAs(page, server.url, person.email, person.password);
  return page;
}

const row = (page: Page, text: string) => page.locator("tbody tr", { hasText: text });
/** The status and error lines of a page, or of one section of it (by its heading). */
const within = (page: Page, section?: string) =>
  section ? page.locator("section", { has: page.getByRole("heading", { name: section, exact: true }) }) : page.locator("main");
const statusText = (page: Page, section?: string) => within(page, section).locator(".status-line [role=status]").first().textContent();
const alertText = (page: Page, section?: string) => within(page, section).locator(".status-line [role=alert]").first().textContent();

describe("the members page", () => {
  it("lets the chair add, change and remove members, showing the server's refusals", async () => {
    const newcomer = await addPerson(server.url, server.admin, { name: "Gita Gp", agency: "gp" });
    const page = await signedIn(chair);
    await page.getByRole("link", { name: "Members of Referrals into MASH" }).click();
    await page.getByRole("heading", { name: "Members of “Referrals into MASH”" }).waitFor();
    await row(page, "Ivo Teacher").waitFor();

    // Unknown email: the server's 404 message.
    await page.getByLabel("Email address").fill("nobody@test.invalid");
    await page.getByRole("button", { name: "Add member" }).click();
    await expect.poll(() => alertText(page, "Add a member")).toContain("No account for nobody@test.invalid");

    // Add as observer, writing for Police rather than their own agency.
    await page.getByLabel("Email address").fill(newcomer.email);
    await page.getByLabel("Role", { exact: true }).selectOption("observer");
    await page.getByLabel("Writes as agency (optional)").selectOption("police");
    await page.getByRole("button", { name: "Add member" }).click();
    await expect.poll(() => statusText(page, "Add a member")).toContain("is now observer (read-only) for Police");
    await expect.poll(() => row(page, "Gita Gp").textContent()).toContain("Police");
    expect(await page.getByLabel("Email address").inputValue()).toBe("");

    // The admin who set the audit up is a chair too; once they are not, Cleo is the only chair and cannot step down.
    await page.getByLabel("Role of Administrator", { exact: true }).selectOption("attendee");
    await page.getByRole("button", { name: "Save role of Administrator" }).click();
    await expect.poll(() => statusText(page)).toContain("Administrator is now attendee");
    await page.getByLabel("Role of Cleo Chair", { exact: true }).selectOption("attendee");
    await page.getByRole("button", { name: "Save role of Cleo Chair" }).click();
    await expect.poll(() => alertText(page)).toContain("An audit needs a chair");
    expect(await page.getByLabel("Role of Cleo Chair", { exact: true }).inputValue()).toBe("chair");

    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: "/tmp/maca-members.png", fullPage: true });

    await page.getByRole("button", { name: "Remove Gita Gp" }).click();
    await page.getByRole("button", { name: "Confirm removal of Gita Gp" }).click();
    await expect.poll(() => statusText(page)).toContain("Gita Gp is no longer a member");
    await expect.poll(() => row(page, "Gita Gp").count()).toBe(0);
    await page.context().close();
  });

  it("shows an attendee the members without controls, and no Members or trail links on the board", async () => {
    const page = await signedIn(attendee);
    await page.goto(`${server.url}/audits/${auditId}/members`);
    await row(page, "Cleo Chair").waitFor();
    expect(await page.getByRole("button", { name: /Remove|Save role/ }).count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Add a member" }).count()).toBe(0);
    await page.goto(`${server.url}/audits/${auditId}`);
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    expect(await page.locator(".board-links").count()).toBe(0);
    await page.context().close();
  });
});

describe("the audit trail", () => {
  it("shows the chair the audit's trail with the chain status, filters and a CSV download", async () => {
    const page = await signedIn(chair);
    await page.goto(`${server.url}/audits/${auditId}`);
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    await page.getByRole("link", { name: "Audit trail" }).first().click();
    await page.getByText(/Chain intact: \d+ entries checked/).waitFor();
    await row(page, "Member added").first().waitFor();
    expect(await page.locator("thead th").allTextContents()).toEqual(["#", "Time", "Who", "Agency", "What", "Details"]);
    expect(await page.getByRole("link", { name: "Download CSV" }).getAttribute("href")).toBe(`/api/audit-log.csv?auditId=${auditId}`);

    await page.getByLabel("Person").selectOption({ label: `Cleo Chair (${chair.email})` });
    await page.getByLabel("Since (date)").fill(new Date().toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("userId")).toBe(chair.user.id);
    // The link follows the filters on the next render, which can come just after the URL changes.
    const csvLink = page.getByRole("link", { name: "Download CSV" });
    await expect.poll(async () => (await csvLink.getAttribute("href")) ?? "").toContain(`userId=${chair.user.id}`);
    const href = (await csvLink.getAttribute("href")) ?? "";
    await expect
      .poll(async () => new Set(await page.locator("tbody td:nth-child(3)").allTextContents()))
      .toEqual(new Set([`Cleo Chair <${chair.email}>`]));
    // The link downloads with the page's own session cookie.
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(csv.split("\n")[0]).toMatch(/seq/);
    expect(csv).toContain(chair.email);
    await page.screenshot({ path: "/tmp/maca-audit-trail.png", fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("shows an admin the whole trail, and a chair's trail link is absent for attendees", async () => {
    const page = await signedIn(TEST_ADMIN);
    await page.locator(".audit-item").first().waitFor();
    await page.screenshot({ path: "/tmp/maca-audits-admin.png", fullPage: true });
    await page.getByRole("link", { name: "Audit trail", exact: true }).click();
    await page.getByRole("heading", { name: "Audit trail (all audits and accounts)" }).waitFor();
    await page.getByText(/Chain intact: \d+ entries checked/).waitFor();
    await row(page, "Signed in").first().waitFor();
    await page.context().close();

    const other = await signedIn(attendee);
    await other.goto(`${server.url}/audits/${auditId}/trail`);
    await expect.poll(() => other.getByRole("alert").first().textContent()).toContain("chair");
    await other.context().close();
  });
});

describe("your account", () => {
  it("creates an access token shown once, which works until revoked", async () => {
    const person = await addPerson(server.url, server.admin, { name: "Tom Token", agency: "police" });
    const page = await signedIn(person);
    await page.getByRole("link", { name: "Account" }).click();
    await page.getByLabel("New token name").fill("Action plan export");
    await page.getByRole("button", { name: "Create token" }).click();
    await page.getByText("you will not see this token again").waitFor();
    const token = await page.getByLabel("The new token").inputValue();
    expect(token.length).toBeGreaterThan(20);
    await page.screenshot({ path: "/tmp/maca-account.png", fullPage: true });
    expect((await api(server.url, { token }).listAudits()).status).toBe(200);
    await page.getByRole("button", { name: "I have copied it" }).click();
    expect(await page.getByLabel("The new token").count()).toBe(0);

    await page.getByRole("button", { name: "Revoke token Action plan export" }).click();
    await expect.poll(() => statusText(page, "Personal access tokens")).toContain("revoked");
    expect((await api(server.url, { token }).listAudits()).status).toBe(401);
    await page.context().close();
  });

  it("changes the password, refusing a wrong current one", async () => {
    const person = await addPerson(server.url, server.admin, { name: "Pia Password", agency: "gp" });
    const page = await signedIn(person);
    await page.goto(`${server.url}/account`);
    const change = async (current: string, next: string) => {
      await page.getByLabel("Current password").fill(current);
      await page.getByLabel("New password", { exact: true }).fill(next);
      await page.getByLabel("New password again").fill(next);
      await page.getByRole("button", { name: "Change password" }).click();
    };
    await change("not my password", "a completely new passphrase");
    await expect.poll(() => alertText(page, "Change your password")).toContain("current password is not right");
    await change(person.password, "a completely new passphrase");
    await expect.poll(() => statusText(page, "Change your password")).toContain("Password changed");

    const again = await newPerson(browser);
    await signInAs(again, server.url, person.email, "a completely new passphrase");
    await Promise.all([page.context().close(), again.context().close()]);
  });
});

describe("the users page", () => {
  it("lets an admin create, edit, disable and reset the password of an account", async () => {
    const page = await signedIn(TEST_ADMIN);
    await page.getByRole("link", { name: "Users" }).click();
    await page.getByRole("heading", { name: "Create an account" }).waitFor();
    await page.getByLabel("Email address").fill("nia.sirona@test.invalid");
    await page.getByLabel("Full name").fill("Nia Nurse");
    await page.getByLabel("Agency", { exact: true }).selectOption({ label: "Another agency…" });
    await page.getByLabel("Name of the agency").fill("Sirona");
    await page.getByLabel("Initial password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => alertText(page, "Create an account")).toContain("at least 12 characters");
    await page.getByLabel("Initial password").fill("sirona nurse first passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => statusText(page, "Create an account")).toContain("Account created for Nia Nurse");
    await expect.poll(() => row(page, "nia.sirona@test.invalid").textContent()).toContain("Sirona");

    await page.getByRole("button", { name: "Edit Nia Nurse" }).click();
    await page.getByLabel("Full name").first().fill("Nia Health");
    await page.getByLabel("Agency", { exact: true }).first().selectOption({ label: "School Nursing" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => row(page, "nia.sirona@test.invalid").textContent()).toContain("School Nursing");
    expect(await row(page, "nia.sirona@test.invalid").textContent()).toContain("Nia Health");

    await page.getByRole("button", { name: "Disable Nia Health" }).click();
    await expect.poll(() => row(page, "nia.sirona@test.invalid").textContent()).toContain("Disabled");
    const refused = await newPerson(browser);
    await refused.goto(`${server.url}/sign-in`);
    await fillSignIn(refused, "nia.sirona@test.invalid", "sirona nurse first passphrase");
    await expect.poll(() => refused.getByRole("alert").textContent()).toContain("do not match an active account");

    // The admin opens the password form while enabling is still on its way: its answer must not close the form.
    let releaseEnable = () => {};
    const enableHeld = new Promise<void>((resolve) => {
      releaseEnable = resolve;
    });
    await page.route("**/api/users/*", async (route) => {
      if (route.request().method() === "PATCH") await enableHeld;
      await route.continue();
    });
    await page.getByRole("button", { name: "Enable Nia Health" }).click();
    await page.getByRole("button", { name: "Reset password of Nia Health" }).click();
    await page.getByLabel("New password for Nia Health").waitFor();
    releaseEnable();
    await expect.poll(() => statusText(page)).toContain("Nia Health can sign in again");
    await page.unroute("**/api/users/*");
    await page.getByLabel("New password for Nia Health").fill("sirona nurse second passphrase");
    await page.getByRole("button", { name: "Set password", exact: true }).click();
    await expect.poll(() => statusText(page)).toContain("New password set for Nia Health");
    await fillSignIn(refused, "nia.sirona@test.invalid", "sirona nurse second passphrase");
    await refused.getByRole("navigation", { name: "Main" }).waitFor();

    // The last admin cannot remove their own admin rights.
    await page.getByRole("button", { name: "Edit Administrator" }).click();
    await page.getByRole("checkbox", { name: "Admin" }).first().uncheck();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => page.locator(".row-form [role=alert]").textContent()).toContain("last active admin");
    await page.screenshot({ path: "/tmp/maca-users.png", fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.context().close(), refused.context().close()]);
  });
});
