/**
 * End-to-end: the board through a dropped connection (editing goes on, the status counts what is
 * unsaved, everything merges on reconnect), what the browser keeps on disk (no case text after
 * sign-out or tab close), the throttled caret updates, and the unconfirmed-update count across a
 * reconnect. Needs dist/client and Debian's chromium.
 */
import * as decoding from "lib0/decoding";
import type { Browser, Dialog, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { countQueuedUpdatesOnReconnect } from "../../client/collab/unconfirmedUpdates.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { type BoardConnection, connectBoard } from "../helpers/board.ts";
import {
  droppableBoardSocket,
  editorText,
  launchBrowser,
  newPerson,
  openBoard,
  openBoardAs,
  signInAs,
  startEditing,
  waitForEditorFocus,
} from "../helpers/browser.ts";
import { addPerson, type Person } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { waitFor } from "../helpers/wait.ts";

// Hocuspocus message types (first varUint after the document name).
const AWARENESS = 1;
const SYNC_STATUS = 8;

let server: TestServer;
let browser: Browser;
let auditId: string;
let caseId: string;
let alex: Person;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const http = api(server.url, server.admin);
  auditId = (await createAuditOk(http, { title: "Offline audit", agencies: ["police", "education"] })).id;
  caseId = await addCaseOk(http, auditId, { label: "Case Zephyr" });
  await addCardOk(http, auditId, caseId, { column: "worried", text: "Child A missed school.", agency: "police" });
  await addCardOk(http, auditId, caseId, { column: "workingWell", text: "School nurse checked in weekly.", agency: "education" });
  alex = await addPerson(server.url, server.admin, { name: "Alex Morgan", agency: "police", auditId, role: "attendee" });
});

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

const statusText = async (page: Page) => (await page.locator(".save-status").textContent()) ?? "";

/** Waits until the page's save status reads exactly `text`. */
async function waitForStatus(page: Page, text: string, timeoutMs = 10_000): Promise<void> {
  await waitFor(async () => (await statusText(page)) === text, timeoutMs, `the status "${text}" (it reads "${await statusText(page)}")`);
}

/** The page's status "Offline — N unsaved changes": N once it is at least `atLeast`. */
async function waitForUnsaved(page: Page, atLeast: number): Promise<number> {
  return waitFor(
    async () => {
      const match = /^Offline — (\d+) unsaved changes?$/.exec(await statusText(page));
      const count = match ? Number(match[1]) : 0;
      return count >= atLeast ? count : undefined;
    },
    10_000,
    `at least ${atLeast} unsaved changes offline`,
  );
}

/** Every card text of the case on one replica, sorted. */
function cardTexts(board: BoardConnection): string[] {
  const shown = board.board.read().cases.find((c) => c.id === caseId);
  if (!shown) return [];
  return Object.values(shown.columns)
    .flat()
    .map((card) => card.text)
    .sort();
}

describe("offline editing", () => {
  it("keeps editing through a dropped connection, counts the unsaved changes and merges everything on reconnect", async () => {
    const page = await newPerson(browser);
    const network = await droppableBoardSocket(page);
    await openBoardAs(page, server.url, auditId, alex);
    const other = await connectBoard(server.wsUrl, auditId, server.admin);
    try {
      await network.drop();
      await waitForStatus(page, "Offline — all changes saved");
      await page.locator("[aria-live='polite']", { hasText: "Connection lost." }).waitFor();

      // The board stays editable: the card's editor opens and takes text.
      await startEditing(page, "Child A missed school.");
      await page.keyboard.type("!");
      await waitForStatus(page, "Offline — 1 unsaved change");
      await page.keyboard.type(" Seen by the GP on Monday.");
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Add card to What needs to happen" }).click();
      await waitForEditorFocus(page);
      await page.keyboard.type("Share the attendance log.");
      await page.keyboard.press("Escape");
      const typed = "!".length + " Seen by the GP on Monday.".length + "Share the attendance log.".length;
      // One update per keystroke, plus the new card.
      expect(await waitForUnsaved(page, typed + 1)).toBe(typed + 1);
      await page.locator(".board-header").screenshot({ path: "test-results/offline-status.png" });

      // Closing the tab now would lose those edits: the browser asks first.
      const asked = new Promise<Dialog>((resolve) => page.once("dialog", resolve));
      await page.close({ runBeforeUnload: true });
      const dialog = await asked;
      expect(dialog.type()).toBe("beforeunload");
      await dialog.dismiss();

      // So would signing out or following a nav link: both ask, and staying keeps the board.
      for (const exit of [page.getByRole("button", { name: "Sign out" }), page.getByRole("link", { name: "Audits", exact: true })]) {
        const confirmAsked = new Promise<Dialog>((resolve) => page.once("dialog", resolve));
        // The click completes only once the dialog is answered.
        const clicked = exit.click();
        const confirm = await confirmAsked;
        expect(confirm.type()).toBe("confirm");
        expect(confirm.message()).toContain("not saved yet");
        await confirm.dismiss();
        await clicked;
        await waitForStatus(page, `Offline — ${typed + 1} unsaved changes`);
      }

      // Meanwhile someone else edits the same board.
      const nurseCard = other.board.read().cases[0].columns.workingWell[0].id;
      other.board.setText(nurseCard, "School nurse checked in twice a week.");
      other.board.addCard(caseId, "worried", "Attendance fell to 60% this term.", "education");
      await other.board.flushed();
      expect(await statusText(page)).toMatch(/^Offline — \d+ unsaved changes$/);

      network.restore();
      // The provider retries with a growing delay: allow for it.
      await waitForStatus(page, "Saved", 45_000);
      await page.locator("[aria-live='polite']", { hasText: "Connection restored. All changes saved." }).waitFor();

      // "Saved" means the server has it all: a client connecting now reads every offline edit.
      const fresh = await connectBoard(server.wsUrl, auditId, server.admin);
      const expected = [
        "Attendance fell to 60% this term.",
        "Child A missed school.! Seen by the GP on Monday.",
        "School nurse checked in twice a week.",
        "Share the attendance log.",
      ];
      expect(cardTexts(fresh)).toEqual(expected);
      fresh.destroy();

      // Both sides converge: the other client has the page's edits, the page shows the other's.
      await waitFor(() => JSON.stringify(cardTexts(other)) === JSON.stringify(expected), 10_000, "the other client to converge");
      for (const text of expected) {
        await waitFor(async () => (await page.locator("article.card", { hasText: text }).count()) === 1, 10_000, `"${text}" on the page`);
      }
      await page.context().close();
    } finally {
      other.destroy();
    }
  }, 90_000);
});

describe("caret updates", () => {
  it("sends at most about ten caret updates a second while typing, the last one where the caret ends", async () => {
    const page = await newPerson(browser);
    const network = await droppableBoardSocket(page);
    await openBoardAs(page, server.url, auditId, alex);
    const other = await connectBoard(server.wsUrl, auditId, server.admin);
    try {
      await startEditing(page, "School nurse");
      const from = network.sent.length;
      const started = Date.now();
      const typed = " The school called the family on each day of absence.";
      await page.keyboard.type(typed);

      // Where the other client sees Alex's caret: at the end of the text once the last update arrives.
      const caretAtEnd = () => {
        for (const state of other.provider.awareness?.getStates().values() ?? []) {
          if (state.user?.name !== "Alex Morgan" || !state.cursor) continue;
          const head = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(state.cursor.head), other.doc);
          if (head?.type instanceof Y.XmlText && head.type.toString().endsWith("day of absence.")) return head.index === head.type.length;
        }
        return false;
      };
      await waitFor(caretAtEnd, 10_000, "Alex's caret at the end of the text on the other client");
      const elapsed = Date.now() - started;

      const caretUpdates = network.sent.slice(from).filter(({ data }) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        return decoding.readVarString(decoder) === auditId && decoding.readVarUint(decoder) === AWARENESS;
      });
      // At most one per 100 ms, the first at once; slack for the editor opening's own updates still
      // on their way. (Unthrottled, typing this sends one per keystroke: over 50 in about 2.5 s.)
      expect(caretUpdates.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 3);
      expect(await editorText(page)).toContain("each day of absence.");
      await page.keyboard.press("Escape");
      await waitForStatus(page, "Saved");
      await page.context().close();
    } finally {
      other.destroy();
    }
  });
});

/** Every string the page's origin keeps in localStorage, sessionStorage, IndexedDB and Cache Storage. */
function storedStrings(page: Page): Promise<Record<"local" | "session" | "indexedDb" | "caches", string[]>> {
  return page.evaluate(async () => {
    const entries = (storage: Storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key)}`);
    // Binary values (a Yjs update, say) are read as UTF-8, where their text would show.
    const asText = (value: unknown) =>
      JSON.stringify(value, (_key, inner) => (ArrayBuffer.isView(inner) ? new TextDecoder().decode(inner) : inner));
    const indexedDb: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store, "readonly").objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        indexedDb.push(`${name}/${store}: ${asText(values)}`);
      }
      db.close();
    }
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) cached.push(`${request.url}: ${await (await cache.match(request))?.text()}`);
    }
    return { local: entries(localStorage), session: entries(sessionStorage), indexedDb, caches: cached };
  });
}

/** The kinds of storage in which any of `texts` was found. */
async function storageHolding(page: Page, texts: string[]): Promise<string[]> {
  const stored = await storedStrings(page);
  return Object.entries(stored)
    .filter(([, values]) => values.some((value) => texts.some((text) => value.includes(text))))
    .map(([kind]) => kind);
}

describe("browser storage", () => {
  it("finds text planted in each kind of storage (the check below is not blind)", async () => {
    const page = await newPerson(browser);
    await page.goto(`${server.url}/sign-in`);
    await page.evaluate(async () => {
      const planted = "Planted Child B text";
      localStorage.setItem("probe", planted);
      sessionStorage.setItem("probe", planted);
      await (await caches.open("probe")).put("/probe", new Response(planted));
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open("probe");
        request.onupgradeneeded = () => request.result.createObjectStore("updates", { autoIncrement: true });
        request.onsuccess = () => {
          const transaction = request.result.transaction("updates", "readwrite");
          transaction.objectStore("updates").add(new TextEncoder().encode(planted));
          transaction.oncomplete = () => {
            request.result.close();
            resolve();
          };
        };
        request.onerror = () => reject(request.error);
      });
    });
    expect(await storageHolding(page, ["Child B"])).toEqual(["local", "session", "indexedDb", "caches"]);
    await page.context().close();
  });

  it("leaves no case text in the browser's storage after sign-out or after the tab is closed", async () => {
    const secret = "Private detail about Child A";
    const caseText = [secret, "Case Zephyr", "Child A missed school", "Attendance fell"];
    const page = await newPerson(browser);
    await openBoardAs(page, server.url, auditId, alex);
    await page.getByRole("button", { name: "Add card to What is working well" }).click();
    await waitForEditorFocus(page);
    await page.keyboard.type(`${secret}.`);
    await page.keyboard.press("Escape");
    await waitForStatus(page, "Saved");
    // Not even while signed in: the board lives in memory only.
    expect(await storageHolding(page, caseText)).toEqual([]);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You have signed out.").waitFor();
    expect(await storageHolding(page, caseText)).toEqual([]);
    expect(await page.locator("body").innerText()).not.toContain(secret);

    // Signed in again, the board open, then the tab closed: a new tab of the same browser finds nothing.
    await signInAs(page, server.url, alex.email, alex.password);
    await openBoard(page, server.url, auditId);
    await page.locator("article.card", { hasText: secret }).waitFor();
    const context = page.context();
    await page.close();
    const next = await context.newPage();
    await next.goto(`${server.url}/sign-in`);
    expect(await storageHolding(next, caseText)).toEqual([]);
    await context.close();
  });
});

describe("unconfirmed updates across a reconnect", () => {
  it("counts the updates queued offline, so the count reaches 0 only with the last acknowledgement", async () => {
    const client = await connectBoard(server.wsUrl, auditId, server.admin);
    try {
      countQueuedUpdatesOnReconnect(client.provider);
      await client.board.flushed();
      client.socket.disconnect();
      await waitFor(() => client.socket.status === "disconnected", 5_000, "the socket to close");
      for (const text of ["Offline one", "Offline two", "Offline three"]) client.board.addCard(caseId, "worried", text);
      expect(client.provider.unsyncedChanges).toBe(3);

      let acknowledgements = 0;
      const acknowledgedWhenZero: number[] = [];
      client.provider.on("message", ({ event }: { event: MessageEvent }) => {
        const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
        decoding.readVarString(decoder);
        if (decoding.readVarUint(decoder) === SYNC_STATUS && decoding.readVarInt(decoder) === 1) acknowledgements++;
      });
      client.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
        if (number === 0) acknowledgedWhenZero.push(acknowledgements);
      });
      client.socket.connect();
      await waitFor(() => acknowledgedWhenZero.length > 0, 10_000, "every change to be acknowledged");
      // Three queued updates and the re-sync's step 2, each acknowledged on its own.
      expect(acknowledgedWhenZero[0]).toBe(4);

      const fresh = await connectBoard(server.wsUrl, auditId, server.admin);
      expect(cardTexts(fresh)).toEqual(expect.arrayContaining(["Offline one", "Offline two", "Offline three"]));
      fresh.destroy();
    } finally {
      client.destroy();
    }
  });
});
