/**
 * The rendered outputs opened in a real browser (Debian's Chromium): the summary page runs
 * nothing and carries no handler or unsafe link even with hostile card text, passes axe's WCAG
 * checks, and the hostile DOCX's XML parts are well-formed (Word would open it).
 */
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderSummaryDocx, renderSummaryHtml } from "../../server/outputs/index.ts";
import { axeViolations, launchBrowser, newPerson } from "../helpers/browser.ts";
import { hostileSnapshot, SCRIPT } from "../unit/outputsHostile.ts";
import { demoFixture } from "./outputsFixture.ts";

let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPerson(browser);
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
});

afterAll(async () => {
  await browser?.close();
});

const none = { acknowledgements: [], addenda: [], actionUpdates: [], generatedAt: "2017-03-01T12:00:00Z" };

describe("the summary page in a browser", () => {
  it("runs nothing and links nowhere unsafe, whatever the cards say", async () => {
    const { snapshot, updates } = hostileSnapshot();
    await page.setContent(renderSummaryHtml(snapshot, { ...none, actionUpdates: updates }));
    const found = await page.evaluate(() => ({
      active: document.querySelectorAll("script, img, iframe, svg, object, embed, form, input, link, base").length,
      handlers: [...document.querySelectorAll("*")].flatMap((el) =>
        el.getAttributeNames().filter((n) => n.startsWith("on") || n === "style"),
      ),
      hrefs: [...document.querySelectorAll("a")].map((a) => a.protocol),
      title: document.title,
      text: document.body.innerText,
    }));
    expect(found.active).toBe(0);
    expect(found.handlers).toEqual([]);
    expect(found.hrefs.every((p) => ["http:", "https:", "mailto:"].includes(p))).toBe(true);
    expect(found.title.startsWith(`</title>${SCRIPT}`)).toBe(true);
    expect(found.text).toContain(SCRIPT);
    expect(dialogs).toEqual([]);
  });

  it("meets WCAG 2.2 AA as axe checks it", async () => {
    const fixture = demoFixture();
    await page.setContent(renderSummaryHtml(fixture.snapshot(), none));
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("the hostile DOCX", () => {
  it("has only well-formed XML parts", async () => {
    const { snapshot, updates } = hostileSnapshot();
    const files = unzipSync(new Uint8Array(await renderSummaryDocx(snapshot, { ...none, actionUpdates: updates })));
    const parts = Object.entries(files)
      .filter(([name]) => /\.(xml|rels)$/.test(name))
      .map(([name, data]) => ({ name, xml: strFromU8(data) }));
    const errors = await page.evaluate(
      (list) =>
        list.flatMap(({ name, xml }) => {
          const doc = new DOMParser().parseFromString(xml, "application/xml");
          return doc.getElementsByTagName("parsererror").length > 0 ? [name] : [];
        }),
      parts,
    );
    expect(parts.length).toBeGreaterThan(5);
    expect(errors).toEqual([]);
  });
});
