/**
 * Headless Debian Chromium driven by playwright-core (never a downloaded browser), plus the
 * steps a person takes (sign in, open a board, edit), so end-to-end scenarios read like what users do.
 */
import { createRequire } from "node:module";
import { type Browser, chromium, type Page, type WebSocketRoute } from "playwright-core";

const require = createRequire(import.meta.url);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/**
 * A fresh browser context (its own cookies, so its own session) with one page, failing on page
 * errors. `viewport` defaults to 1440×1000 (a laptop); a projector is 1920×1080.
 */
export async function newPerson(browser: Browser, viewport = { width: 1440, height: 1000 }): Promise<Page> {
  // bypassCSP only lets the test inject axe-core; the app itself runs under its strict CSP.
  const context = await browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  // Fail a step well before the test's own timeout so the error names the step.
  page.setDefaultTimeout(8_000);
  page.on("pageerror", (error) => {
    throw error;
  });
  return page;
}

/** Who signs in: an email and a password (addPerson() returns both; so does TEST_ADMIN). */
export interface SignInDetails {
  email: string;
  password: string;
}

/** Signs in through the sign-in form and waits for the signed-in navigation. */
export async function signInAs(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await fillSignIn(page, email, password);
  await page.getByRole("navigation", { name: "Main" }).waitFor();
}

/** Fills and submits the sign-in form on the current page (it may be showing after a redirect). */
export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Opens an audit's board (already signed in) and waits until it is synced. */
export async function openBoard(page: Page, baseUrl: string, auditId: string): Promise<void> {
  await page.goto(`${baseUrl}/audits/${auditId}`);
  await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
}

/** Opens an audit's projector view (already signed in) and waits until it shows the meeting. */
export async function openProjector(page: Page, baseUrl: string, auditId: string): Promise<void> {
  await page.goto(`${baseUrl}/audits/${auditId}/present`);
  await page.locator(".projector").waitFor();
}

/** Signs in as `person` and opens the board of `auditId`. */
export async function openBoardAs(page: Page, baseUrl: string, auditId: string, person: SignInDetails): Promise<void> {
  await signInAs(page, baseUrl, person.email, person.password);
  await openBoard(page, baseUrl, auditId);
}

/** Clicks a card's text to edit it and waits until its editor has the keyboard focus. */
export async function startEditing(page: Page, cardText: string): Promise<void> {
  await page.locator("article.card", { hasText: cardText }).locator(".rich-text").click();
  await page.locator(".ProseMirror:focus").waitFor();
}

/** Waits until the editor opened by a button (e.g. "Add card to …") has the keyboard focus. */
export async function waitForEditorFocus(page: Page): Promise<void> {
  await page.locator(".ProseMirror:focus").waitFor();
}

/** The text of the open editor without remote caret labels (they live inside the editor DOM). */
export function editorText(page: Page): Promise<string> {
  return page.locator(".ProseMirror").evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.textContent ?? "";
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.x A/AA rules) in the page and returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** Holds back what the server sends a page's board connection, to recreate network delay on demand. */
export interface HeldBoardSocket {
  /** From now on, keep the server's messages to this page instead of delivering them. */
  hold(): void;
  /**
   * Deliver everything kept, in order, and stop holding; `spacingMs` apart to let the page act
   * on each message before the next arrives, as over a real network.
   */
  release(options?: { spacingMs?: number }): Promise<void>;
}

/**
 * Routes the page's board WebSocket (`/collab`) through the test: messages from the page go to
 * the server at once; messages from the server are delivered at once unless held. Call before
 * the page opens the board.
 */
export async function holdableBoardSocket(page: Page): Promise<HeldBoardSocket> {
  let holding = false;
  const held: Array<() => void> = [];
  await page.routeWebSocket(/\/collab$/, (socket) => {
    const server = socket.connectToServer();
    server.onMessage((message) => {
      const deliver = () => socket.send(message);
      if (holding) held.push(deliver);
      else deliver();
    });
  });
  return {
    hold: () => {
      holding = true;
    },
    release: async ({ spacingMs = 0 } = {}) => {
      for (let deliver = held.shift(); deliver; deliver = held.shift()) {
        try {
          deliver();
        } catch {
          // The page closed that socket meanwhile: what it would have received is lost, as on a network.
        }
        if (spacingMs > 0) await new Promise((resolve) => setTimeout(resolve, spacingMs));
      }
      holding = false;
    },
  };
}

/** A close code and reason that may be sent on (1005 "no status" and 1006 "abnormal" may not). */
function sendableClose(code: number | undefined, reason: string | undefined): { code?: number; reason?: string } {
  return code === 1000 || (code !== undefined && code >= 3000 && code <= 4999) ? { code, reason } : {};
}

/** Cuts a page's board connection on demand, as a dropped network would, and records what the page sent. */
export interface DroppableBoardSocket {
  /** Closes the page's open board sockets and refuses new ones until restore(). */
  drop(): Promise<void>;
  /** Lets the page's own reconnection attempts through again. */
  restore(): void;
  /** Every message the page sent on its board sockets, in order, with when it passed (Date.now()). */
  readonly sent: ReadonlyArray<{ at: number; data: Buffer }>;
}

/**
 * Routes the page's board WebSocket (`/collab`) through the test so that it can be dropped.
 * Chromium's offline emulation (context.setOffline, CDP Network.emulateNetworkConditions) leaves
 * an open WebSocket to the server untouched, so the route closes it instead. Call before the page
 * opens the board.
 */
export async function droppableBoardSocket(page: Page): Promise<DroppableBoardSocket> {
  let offline = false;
  // Each open board socket's page side and server side.
  const open = new Map<WebSocketRoute, WebSocketRoute>();
  const sent: { at: number; data: Buffer }[] = [];
  await page.routeWebSocket(/\/collab$/, (socket) => {
    if (offline) {
      void socket.close({ code: 4000, reason: "offline" });
      return;
    }
    const server = socket.connectToServer();
    open.set(socket, server);
    socket.onMessage((message) => {
      sent.push({ at: Date.now(), data: Buffer.from(message) });
      server.send(message);
    });
    // A close handler turns off Playwright's forwarding of closes: forward them here.
    socket.onClose((code, reason) => {
      open.delete(socket);
      void server.close(sendableClose(code, reason));
    });
    server.onClose((code, reason) => {
      open.delete(socket);
      void socket.close(sendableClose(code, reason));
    });
  });
  return {
    sent,
    drop: async () => {
      offline = true;
      const dropping = [...open];
      open.clear();
      // Both ends see the connection go, as when a network drops (the server closes its side).
      await Promise.all(dropping.flatMap((ends) => ends.map((end) => end.close({ code: 4000, reason: "network dropped" }))));
    },
    restore: () => {
      offline = false;
    },
  };
}
