/**
 * How the board scales: a SMALL board (the baseline) against a LARGE one (the size the product
 * must handle), measured in the same run so the figures compare like with like. Not part of
 * `npm run bench` (bench/board.ts measures the issue's goals); run it when changing how the
 * board reads, renders or switches cases.
 *
 *   npx tsx bench/board/scaling.ts
 *
 * It prints figures and large/small ratios; it never fails on a number (there are no thresholds).
 * Everything it starts (servers, temporary data folders, clients, Chromium) is stopped at the end,
 * and a watchdog stops it all if a step hangs.
 *
 * Stages, for each board size:
 *   1. the Y.Doc alone: build through shared/board, encoded size, readBoard, cardIdsByCase;
 *   2. the real server in-process: REST reads, a fresh client's sync, one card edit A → B;
 *   3. the built client in headless Chromium: load to first card, case switch, mounted editors.
 */
import { existsSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Browser, Page } from "playwright-core";
import * as Y from "yjs";
import {
  addCard,
  addCase,
  COLUMN_IDS,
  cardBody,
  cardIdsByCase,
  fragmentToText,
  initBoard,
  PLAN_IDS,
  readBoard,
  setCardText,
} from "../../shared/board/index.ts";
import { DEFAULT_AGENCIES } from "../../shared/domain/agencies.ts";
import type { BoardJson } from "../../shared/domain/board.ts";
import { api, createAuditOk } from "../../test/helpers/api.ts";
import { type BoardConnection, connectBoard } from "../../test/helpers/board.ts";
import { launchBrowser, newPerson, openBoardAs } from "../../test/helpers/browser.ts";
import { REPO_ROOT, startTestServer, TEST_ADMIN, type TestServer } from "../../test/helpers/server.ts";

// ---------------------------------------------------------------------------------------------
// What is measured and how often
// ---------------------------------------------------------------------------------------------

interface BoardSize {
  name: "small" | "large";
  cases: number;
  cardsPerCase: number;
}

const SMALL: BoardSize = { name: "small", cases: 6, cardsPerCase: 20 };
const LARGE: BoardSize = { name: "large", cases: 60, cardsPerCase: 20 };

/** Repetitions per figure; medians keep one GC pause or debounced store from skewing a row. */
const REPS = {
  build: 7,
  read: 21,
  coldGet: 5,
  idleGet: 9,
  warmGet: 21,
  freshSync: 9,
  edit: 41,
  pageLoad: 5,
  /** Rounds over the agenda targets in the browser (each round switches 7 times). */
  switchRounds: 3,
} as const;

/** The whole run must stay well inside 3 minutes on 2 cores; past this everything is stopped. */
const WATCHDOG_MS = 170_000;

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CLIENT_INDEX = path.join(REPO_ROOT, "dist/client/index.html");

// ---------------------------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------------------------

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function timeSync(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

async function medianOf(reps: number, run: () => Promise<number>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) samples.push(await run());
  return median(samples);
}

/** Progress on stderr, so stdout carries only the report. */
function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Board content: plausible, pseudonymised audit material so sizes resemble a real meeting
// ---------------------------------------------------------------------------------------------

const CARD_TEXTS = [
  "Health visitor persisted with home visits despite missed appointments and recorded the child's presentation each time.",
  "Police shared the domestic abuse notification with school within 24 hours; the designated lead acted on it the same day.",
  "No evidence that the child's wishes and feelings were sought before the strategy discussion.",
  "Escalation to the team manager was not used when the core group stalled for six weeks.",
  "Agree a single chronology across agencies before the next review.",
  "Adult mental health and children's services to attend each other's planning meetings when a parent is open to both.",
];
const AGENCY_IDS = DEFAULT_AGENCIES.map((a) => a.id);

/** Builds a whole board with shared/board functions in one transaction, as a bulk import would. */
function fillBoard(doc: Y.Doc, size: BoardSize): void {
  doc.transact(() => {
    for (let c = 0; c < size.cases; c++) {
      const caseId = addCase(doc, {
        label: `Case ${c + 1}`,
        ageBand: `${(c % 17) + 1}`,
        summary: "Referred after a domestic abuse incident; previously known to early help.",
        plan: PLAN_IDS[c % PLAN_IDS.length],
      });
      for (let k = 0; k < size.cardsPerCase; k++) {
        const id = addCard(doc, {
          caseId,
          column: COLUMN_IDS[k % COLUMN_IDS.length],
          text: `${CARD_TEXTS[(c + k) % CARD_TEXTS.length]} (${c + 1}.${k + 1})`,
          agency: AGENCY_IDS[(c + k) % AGENCY_IDS.length],
          author: `Attendee ${(k % 7) + 1}`,
        });
        if (!id) throw new Error(`addCard refused a card for case ${caseId}`);
      }
    }
  });
}

function cardCount(size: BoardSize): number {
  return size.cases * size.cardsPerCase;
}

/** Cards on a replica (sanity check that a sync really carried the whole board). */
function cardsOn(doc: Y.Doc): number {
  let n = 0;
  for (const columns of cardIdsByCase(doc).values()) for (const column of COLUMN_IDS) n += columns[column].length;
  return n;
}

/** Cards in a readBoard()/REST answer. */
function cardsIn(board: BoardJson): number {
  let n = 0;
  for (const item of board.cases) for (const column of COLUMN_IDS) n += item.columns[column].length;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Results table
// ---------------------------------------------------------------------------------------------

interface Row {
  metric: string;
  small?: number;
  large?: number;
  /** Figures shown with this many decimals. */
  decimals: number;
  /** Why a row has no figures (e.g. the browser stage was skipped). */
  note?: string;
}

/** Rows by metric name, filled in as each size is measured. */
class Report {
  private readonly rows: Row[] = [];

  set(size: BoardSize, metric: string, value: number, decimals = 1): void {
    let row = this.rows.find((r) => r.metric === metric);
    if (!row) {
      row = { metric, decimals };
      this.rows.push(row);
    }
    row[size.name] = value;
  }

  skip(metric: string, note: string): void {
    this.rows.push({ metric, decimals: 0, note });
  }

  /** A ratio well beyond the 10× growth in cards suggests worse-than-linear cost. */
  static ratioFlag(ratio: number, large: number): string {
    const cards = cardCount(LARGE) / cardCount(SMALL);
    return ratio > cards * 1.5 && large >= 1 ? "  ▲ worse than linear" : "";
  }

  print(): void {
    const header = ["Metric", "small", "large", "large/small"];
    const measured = this.rows.filter((row) => !row.note);
    const lines = measured.map((row) => {
      const fmt = (v: number | undefined) => (v === undefined ? "–" : v.toFixed(row.decimals));
      let ratio = "–";
      if (row.small !== undefined && row.large !== undefined) {
        if (row.small > 0) {
          const r = row.large / row.small;
          ratio = `${r.toFixed(1)}×${Report.ratioFlag(r, row.large)}`;
        } else ratio = row.large === 0 ? "same" : "∞";
      }
      return [row.metric, fmt(row.small), fmt(row.large), ratio];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
    // Metric names left-aligned, figures right-aligned, the ratio (with its flag) last.
    const format = (cells: string[]) =>
      cells
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : i === 3 ? cell : cell.padStart(widths[i])))
        .join("  ")
        .trimEnd();
    console.log(format(header));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const line of lines) console.log(format(line));
    for (const row of this.rows.filter((r) => r.note)) console.log(`${row.metric}: ${row.note}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Stage 1: the document alone
// ---------------------------------------------------------------------------------------------

function benchDocument(size: BoardSize, report: Report): void {
  progress(`${size.name}: building ${cardCount(size)} cards in a fresh Y.Doc`);
  const builds: number[] = [];
  let doc = new Y.Doc();
  for (let i = 0; i < REPS.build; i++) {
    doc.destroy();
    doc = new Y.Doc();
    initBoard(doc);
    const built = doc;
    builds.push(timeSync(() => fillBoard(built, size)));
  }
  report.set(size, `Build board in fresh Y.Doc (ms, median of ${REPS.build})`, median(builds));
  report.set(size, "Encoded state size (KiB)", Y.encodeStateAsUpdate(doc).byteLength / 1024);

  // Warm-up calls first: the first call of each pays for JIT compilation, not the board.
  const cards = cardsIn(readBoard(doc));
  if (cards !== cardCount(size)) throw new Error(`readBoard saw ${cards} cards, expected ${cardCount(size)}`);
  cardIdsByCase(doc);
  const reads: number[] = [];
  const groups: number[] = [];
  for (let i = 0; i < REPS.read; i++) {
    reads.push(timeSync(() => readBoard(doc)));
    groups.push(timeSync(() => cardIdsByCase(doc)));
  }
  report.set(size, `readBoard(doc) (ms, median of ${REPS.read})`, median(reads), 2);
  report.set(size, `cardIdsByCase(doc) (ms, median of ${REPS.read})`, median(groups), 2);
  doc.destroy();
}

// ---------------------------------------------------------------------------------------------
// Stage 2: the real server (in-process, so figures are CPU cost, not network)
// ---------------------------------------------------------------------------------------------

interface ServedBoard {
  server: TestServer;
  auditId: string;
  /** Case labels in agenda order, for the browser stage. */
  caseLabels: string[];
}

async function benchServer(size: BoardSize, report: Report, cleanups: (() => Promise<void>)[]): Promise<ServedBoard> {
  progress(`${size.name}: starting a server and filling the audit through a provider`);
  const server = await startTestServer();
  cleanups.push(() => server.cleanup());
  const http = () => api(server.url, server.admin);
  const audit = await createAuditOk(http(), { title: `Bench ${size.name} board`, theme: "Domestic abuse and neglect" });

  // One client writes the whole board in one transaction: the server receives one large update.
  const writer = await connectBoard(server.wsUrl, audit.id, server.admin);
  report.set(
    size,
    "Fill via provider, 1 transaction, until acked (ms, n=1)",
    await timeAsync(async () => {
      fillBoard(writer.doc, size);
      await writer.board.flushed(30_000);
    }),
  );
  const caseLabels = readBoard(writer.doc).cases.map((c) => c.label);
  const cardIds = [...cardIdsByCase(writer.doc).values()].flatMap((cols) => COLUMN_IDS.flatMap((col) => cols[col]));
  writer.destroy();

  const getBoard = async () => {
    const response = await http().getAudit(audit.id);
    if (response.status !== 200) throw new Error(`GET /api/audits/${audit.id} answered ${response.status}`);
    return response.body;
  };

  // Cold-ish: restart on the same data folder, so the first GET loads the board from disk.
  progress(`${size.name}: REST reads (cold after restart, nobody connected, board held open)`);
  const cold: number[] = [];
  for (let i = 0; i < REPS.coldGet; i++) {
    await server.restart();
    cold.push(await timeAsync(getBoard));
  }
  report.set(size, `GET /api/audits/:id, first after restart (ms, median of ${REPS.coldGet})`, median(cold));
  const body = await getBoard();
  const served = cardsIn(body.board);
  if (served !== cardCount(size)) throw new Error(`The server returned ${served} cards, expected ${cardCount(size)}`);
  report.set(size, "GET /api/audits/:id response size (KiB)", Buffer.byteLength(JSON.stringify(body)) / 1024);
  // With nobody connected the server may unload the board after each request: this is what the
  // first person opening the board pays.
  report.set(
    size,
    `GET /api/audits/:id, nobody connected (ms, median of ${REPS.idleGet})`,
    await medianOf(REPS.idleGet, () => timeAsync(getBoard)),
  );

  // Warm: during a meeting the board stays loaded because people hold it open.
  const roomA = await connectBoard(server.wsUrl, audit.id, server.admin);
  const roomB = await connectBoard(server.wsUrl, audit.id, server.admin);
  try {
    report.set(
      size,
      `GET /api/audits/:id, board open (ms, median of ${REPS.warmGet})`,
      await medianOf(REPS.warmGet, () => timeAsync(getBoard)),
    );

    progress(`${size.name}: fresh clients syncing the whole board`);
    const syncs = await medianOf(REPS.freshSync, async () => {
      let joined: BoardConnection | undefined;
      const ms = await timeAsync(async () => {
        joined = await connectBoard(server.wsUrl, audit.id, server.admin, { timeoutMs: 20_000 });
      });
      const seen = joined ? cardsOn(joined.doc) : 0;
      joined?.destroy();
      if (seen !== cardCount(size)) throw new Error(`A fresh client synced ${seen} cards, expected ${cardCount(size)}`);
      return ms;
    });
    report.set(size, `Fresh provider connect + full sync (ms, median of ${REPS.freshSync})`, syncs);

    progress(`${size.name}: ${REPS.edit} card edits from client A to client B`);
    const edits: number[] = [];
    for (let i = 0; i < REPS.edit; i++) {
      // Spread edits over the board so no single card's history dominates.
      const cardId = cardIds[Math.floor((i * cardIds.length) / REPS.edit)];
      edits.push(await editLatency(roomA, roomB, cardId, `Edited in run ${i}: agreed at the meeting.`));
    }
    report.set(size, `Card edit A → visible on B (ms, median of ${REPS.edit})`, median(edits), 2);
  } finally {
    roomA.destroy();
    roomB.destroy();
  }
  return { server, auditId: audit.id, caseLabels };
}

/** setCardText on A, resolved by B's own update event once B's copy of the card shows the text. */
function editLatency(a: BoardConnection, b: BoardConnection, cardId: string, text: string): Promise<number> {
  const body = cardBody(b.doc, cardId);
  if (!body) return Promise.reject(new Error(`Client B has no card ${cardId}`));
  return new Promise<number>((resolve, reject) => {
    let start = 0;
    const onUpdate = () => {
      if (fragmentToText(body) !== text) return;
      const ms = performance.now() - start;
      finish();
      resolve(ms);
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`Edit of ${cardId} did not reach client B within 5 s`));
    }, 5_000);
    const finish = () => {
      clearTimeout(timer);
      b.doc.off("update", onUpdate);
    };
    b.doc.on("update", onUpdate);
    start = performance.now();
    if (!setCardText(a.doc, cardId, text)) {
      finish();
      reject(new Error(`Client A has no card ${cardId}`));
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Stage 3: the built client in Chromium
// ---------------------------------------------------------------------------------------------

/*
 * In-page code is passed as strings: tsx compiles this file with keepNames, which wraps inner
 * functions in a `__name()` helper that does not exist in the page.
 */

/** Records, from navigation start, when the first card enters the DOM. */
const FIRST_CARD_PROBE = `
  new MutationObserver(() => {
    if (window.__benchFirstCard === undefined && document.querySelector("article.card")) {
      window.__benchFirstCard = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Clicks the agenda button at `index` and returns the ms until #case-heading shows that case's
 * label and one more frame has been produced (the new case is painted, not only in the DOM).
 */
const SWITCH_CASE = `
  async (index) => {
    const button = document.querySelectorAll(".agenda-select")[index];
    const label = button.querySelector(".agenda-label")?.textContent ?? button.textContent;
    const shown = () => document.querySelector("#case-heading")?.textContent === label;
    const start = performance.now();
    button.click();
    if (!shown()) {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("case " + label + " never showed")), 8000);
        const observer = new MutationObserver(() => {
          if (shown()) { clearTimeout(timer); observer.disconnect(); resolve(); }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    }
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    return performance.now() - start;
  }
`;

function browserUnavailable(): string | undefined {
  if (!existsSync(CHROMIUM)) return `skipped: no Chromium at ${CHROMIUM}`;
  if (!existsSync(CLIENT_INDEX)) return "skipped: no dist/client/index.html (run npm run build)";
  return undefined;
}

async function benchBrowser(size: BoardSize, board: ServedBoard, browser: Browser, report: Report): Promise<void> {
  progress(`${size.name}: loading the board in Chromium`);
  const page: Page = await newPerson(browser);
  try {
    await page.context().addInitScript(FIRST_CARD_PROBE);
    await openBoardAs(page, board.server.url, board.auditId, TEST_ADMIN);
    const boardUrl = `${board.server.url}/audits/${board.auditId}`;

    // Signed in now (the session cookie stays), so each goto lands straight on the board.
    const wall: number[] = [];
    const inPage: number[] = [];
    for (let i = 0; i < REPS.pageLoad; i++) {
      wall.push(
        await timeAsync(async () => {
          await page.goto(boardUrl);
          await page.locator("article.card").first().waitFor({ state: "visible", timeout: 20_000 });
        }),
      );
      inPage.push(Number(await page.evaluate("window.__benchFirstCard ?? NaN")));
    }
    report.set(size, `page.goto → first card visible (ms, median of ${REPS.pageLoad})`, median(wall));
    report.set(size, "  of which navigation start → card in DOM (in page)", median(inPage));
    const mountedAfterLoad = await page.locator(".ProseMirror").count();

    // Neighbouring cases, the far end of the agenda, and back to the first case.
    const last = board.caseLabels.length - 1;
    const targets = [1, 2, 3, 4, 5, last, 0].filter((i) => i <= last);
    const switches: number[] = [];
    for (let round = 0; round < REPS.switchRounds; round++) {
      for (const index of targets) switches.push(Number(await page.evaluate(`(${SWITCH_CASE})(${index})`)));
    }
    report.set(size, `Switch case via agenda → heading shown (ms, median of ${switches.length})`, median(switches));
    const mountedAfterSwitches = await page.locator(".ProseMirror").count();
    report.set(size, ".ProseMirror mounted, nobody editing (after load, switches)", Math.max(mountedAfterLoad, mountedAfterSwitches), 0);
    report.set(size, "Cards in the DOM for the shown case", await page.locator("article.card").count(), 0);
  } finally {
    await page.context().close();
  }
}

// ---------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const report = new Report();
  const cleanups: (() => Promise<void>)[] = [];
  let browser: Browser | undefined;
  const stopServers = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error) => progress(`cleanup failed: ${String(error)}`));
  };
  const stopAll = async () => {
    await browser?.close().catch(() => {});
    browser = undefined;
    await stopServers();
  };
  const watchdog = setTimeout(() => {
    progress(`watchdog: still running after ${WATCHDOG_MS / 1000} s, stopping everything`);
    void stopAll().finally(() => process.exit(2));
  }, WATCHDOG_MS);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stopAll().finally(() => process.exit(130)));
  }

  const started = performance.now();
  const skipped = browserUnavailable();
  let chromiumVersion: string | undefined;
  try {
    if (!skipped) {
      browser = await launchBrowser();
      chromiumVersion = browser.version();
    }
    // The first pass through any code path pays for JIT compilation (and Chromium's first layout):
    // a discarded small round first, so the baseline is not penalised for running first.
    const runSize = async (size: BoardSize, into: Report) => {
      benchDocument(size, into);
      const served = await benchServer(size, into, cleanups);
      if (browser) await benchBrowser(size, served, browser, into);
      // Each size gets a server of its own, stopped before the next size so they never compete.
      await stopServers();
    };
    progress("warm-up round (not reported)");
    await runSize(SMALL, new Report());
    for (const size of [SMALL, LARGE]) await runSize(size, report);
    if (skipped) report.skip("Browser stage", skipped);
  } finally {
    await stopAll();
    clearTimeout(watchdog);
  }
  printHeader(chromiumVersion, performance.now() - started);
  report.print();
  printNotes();
}

function printHeader(chromiumVersion: string | undefined, elapsedMs: number): void {
  const cpus = os.cpus();
  console.log("MACA Board benchmark");
  console.log(
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
      `${os.platform()} ${os.release()}, Node ${process.version}`,
  );
  const build = existsSync(CLIENT_INDEX) ? `client build ${statSync(CLIENT_INDEX).mtime.toISOString()}` : "no client build";
  console.log(`Browser: ${chromiumVersion ? `Chromium ${chromiumVersion}` : "not used"}; ${build}`);
  console.log(
    `Boards: small = ${SMALL.cases} cases × ${SMALL.cardsPerCase} cards (${cardCount(SMALL)}), ` +
      `large = ${LARGE.cases} × ${LARGE.cardsPerCase} (${cardCount(LARGE)}); ${cardCount(LARGE) / cardCount(SMALL)}× the cards`,
  );
  console.log(`Run time: ${(elapsedMs / 1000).toFixed(1)} s\n`);
}

function printNotes(): void {
  console.log(
    [
      "",
      "Notes:",
      " - Server, clients A/B and the benchmark share one Node process over loopback: latencies are CPU cost, not network.",
      " - 'first after restart' restarts the server on the same data folder, so the board is read from disk.",
      " - A ratio near 10× grows with the board; near 1× does not depend on it; ▲ marks > 15× (worse than linear).",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
