/**
 * Time to first render of the loaded board in headless Chromium (the built client, served by our
 * server): from page.goto to the first card visible, and, inside the page, from navigation start
 * to the first card in the DOM. Signed in once; each round opens the board in a new tab.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, newPerson, signInAs } from "../../test/helpers/browser.ts";
import { type Figure, figure, median, progress, timed } from "./stats.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CLIENT_INDEX = path.join(REPO_ROOT, "dist/client/index.html");

/*
 * In-page code is passed as a string: tsx compiles with keepNames, which wraps inner functions in
 * a `__name()` helper that does not exist in the page.
 */
const FIRST_CARD_PROBE = `
  new MutationObserver(() => {
    if (window.__benchFirstCard === undefined && document.querySelector("article.card")) {
      window.__benchFirstCard = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
`;

export interface RenderFigures {
  /** page.goto → first card visible. */
  firstCardMs: Figure;
  /** Navigation start → first card in the DOM, read in the page. */
  inPageMs: Figure;
  /** The first of the loads alone (the browser had only the sign-in page cached). */
  firstLoadMs: Figure;
}

/** Why the browser stage cannot run here, or undefined when it can. */
export function browserUnavailable(): string | undefined {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (!existsSync(CLIENT_INDEX)) return "no dist/client (run npx vite build)";
  return undefined;
}

export async function benchFirstRender(
  url: string,
  auditId: string,
  person: { email: string; password: string },
  rounds = 3,
): Promise<RenderFigures> {
  progress(`first render: ${rounds} loads of the board in headless Chromium`);
  const browser = await launchBrowser();
  try {
    const signedIn = await newPerson(browser);
    // The shared machine can be very busy: fail on a hang, not on a slow step.
    signedIn.setDefaultTimeout(30_000);
    await signedIn.context().addInitScript(FIRST_CARD_PROBE);
    await signInAs(signedIn, url, person.email, person.password);
    const boardUrl = `${url}/audits/${auditId}`;
    const wall: number[] = [];
    const inPage: number[] = [];
    // Each round is a new tab of the signed-in browser (closing it skips any "leave page?" prompt).
    for (let round = 0; round < rounds; round++) {
      const page = await signedIn.context().newPage();
      page.setDefaultTimeout(30_000);
      try {
        const { ms } = await timed(async () => {
          await page.goto(boardUrl);
          await page.locator("article.card").first().waitFor({ state: "visible" });
        });
        wall.push(ms);
        inPage.push(Number(await page.evaluate("window.__benchFirstCard ?? NaN")));
      } finally {
        await page.close();
      }
    }
    return {
      firstCardMs: figure(median(wall), "ms", wall),
      inPageMs: figure(median(inPage), "ms", inPage),
      firstLoadMs: figure(wall[0], "ms"),
    };
  } finally {
    await browser.close();
  }
}
