/**
 * `npm run bench`: our server against vanilla Hocuspocus 4.7, both started here as child
 * processes and measured alternately in the same run, then the board benchmark (bench/board.ts).
 * Prints a table with our/vanilla ratios and the goals of issue 6, and writes JSON under
 * bench/results/. The machines are shared: every figure sits beside the CPU that other
 * processes used while it was measured.
 *
 *   npm run bench                          everything (~10 min)
 *   npm run bench -- --quick               short runs, a smoke test (results not kept as latest)
 *   npm run bench -- --only 30-editors,join-storm
 *   npm run bench -- --rounds 2            ours, vanilla, vanilla, ours per scenario
 *   npm run bench -- --cpu-prof /tmp/prof  V8 CPU profiles of every server child
 *   npm run bench -- --client-threads 2    spread the clients over more worker threads
 *
 * Scenarios: 30-editors, meeting-300, 300-editors, 50-boards, presence, join-storm, board.
 */
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { SCENARIOS, type ScenarioOutcome } from "./latency/scenarios.ts";
import type { ServerKind } from "./lib/childServer.ts";
import { markdownTable, type Row, textTable } from "./lib/report.ts";
import { machine, writeResults } from "./lib/results.ts";
import { FULL_TIMING, QUICK_TIMING, type Settings } from "./lib/settings.ts";

const BOARD = "board";
const BOARD_MODULE = new URL("./board.ts", import.meta.url);
/** Past this the benchmark stops itself (and its servers): something hangs. */
const WATCHDOG_MS = 30 * 60_000;

function progress(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function options() {
  const { values } = parseArgs({
    options: {
      only: { type: "string", multiple: true },
      quick: { type: "boolean", default: false },
      rounds: { type: "string", default: "1" },
      "client-threads": { type: "string", default: "1" },
      "cpu-prof": { type: "string" },
    },
  });
  const known = [...SCENARIOS.map((s) => s.name), BOARD];
  const only = values.only?.flatMap((v) => v.split(",")).map((v) => v.trim());
  const unknown = only?.filter((name) => !known.includes(name)) ?? [];
  if (unknown.length > 0) throw new Error(`Unknown scenario ${unknown.join(", ")}; known: ${known.join(", ")}`);
  const positive = (text: string, what: string) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${what} takes a whole number ≥ 1`);
    return n;
  };
  const settings: Settings = {
    timing: values.quick ? QUICK_TIMING : FULL_TIMING,
    editIntervalMs: 500,
    clientThreads: positive(values["client-threads"], "client-threads"),
    cpuProfileDir: values["cpu-prof"],
  };
  return {
    selected: (name: string) => !only || only.includes(name),
    only,
    quick: values.quick,
    rounds: positive(values.rounds, "rounds"),
    settings,
  };
}

/** bench/board.ts's runBoardBench(), when that module offers it. */
async function runBoard(): Promise<{ result?: Record<string, unknown>; skipped?: string; print?: () => Promise<void> }> {
  if (!existsSync(BOARD_MODULE)) return { skipped: "no bench/board.ts" };
  const board = await import(BOARD_MODULE.href);
  if (typeof board.runBoardBench !== "function") return { skipped: "bench/board.ts exports no runBoardBench()" };
  const result = (await board.runBoardBench()) as Record<string, unknown>;
  const print = async () => {
    const report = await import(new URL("./board/report.ts", import.meta.url).href).catch(() => undefined);
    if (typeof board.boardRows === "function" && typeof report?.printTable === "function") {
      report.printTable("Loaded board (bench/board.ts)", board.boardRows(result));
    }
  };
  return { result, print };
}

async function main(): Promise<void> {
  const { selected, only, quick, rounds, settings } = options();
  const startedAt = new Date();
  const started = performance.now();
  const outcomes: ScenarioOutcome[] = [];
  const failures: Record<string, string> = {};
  let first: ServerKind = "ours";
  for (const scenario of SCENARIOS.filter((s) => selected(s.name))) {
    progress(`${scenario.title}`);
    try {
      outcomes.push(await scenario.run({ settings, rounds, first, progress }));
    } catch (error) {
      failures[scenario.name] = error instanceof Error ? error.message : String(error);
      progress(`${scenario.name} failed: ${failures[scenario.name]}`);
    }
    first = first === "ours" ? "vanilla" : "ours";
  }

  let board: Awaited<ReturnType<typeof runBoard>> | undefined;
  if (selected(BOARD)) {
    progress("board benchmark (bench/board.ts)");
    try {
      board = await runBoard();
      if (board.skipped) progress(`board: skipped (${board.skipped})`);
    } catch (error) {
      failures[BOARD] = error instanceof Error ? error.message : String(error);
      progress(`board failed: ${failures[BOARD]}`);
    }
  }

  const rows: Row[] = outcomes.flatMap((o) => o.rows);
  const elapsedMs = performance.now() - started;
  const results = {
    startedAt: startedAt.toISOString(),
    elapsedMs: Math.round(elapsedMs),
    machine: machine(),
    settings: { ...settings, rounds, quick, only: only ?? null },
    notes: [
      "Each latency is one edit's receive time minus the send time stamped inside it, over all other clients of its board.",
      "Other load = CPU used by everything except the server under test and the benchmark process, in cores (2 = both cores busy).",
      "Join storm joiners are raw protocol clients (auth + sync step 1, the whole board received but not applied), so the storm measures the server.",
    ],
    scenarios: Object.fromEntries(outcomes.map((o) => [o.name, { title: o.title, rows: o.rows, ...o.detail }])),
    failures,
    board: board?.result ?? (board?.skipped ? { skipped: board.skipped } : undefined),
    table: markdownTable(rows),
  };
  const complete = !quick && !only && Object.keys(failures).length === 0;
  const written = await writeResults(results, startedAt, complete);

  const m = results.machine as { cpus: number; model: string; node: string; loadavg: number[] };
  console.log(
    `\nMACA Board benchmark — ours vs vanilla Hocuspocus 4.7 (${(elapsedMs / 1000).toFixed(0)} s; ${m.cpus} × ${m.model}, Node ${m.node}; load averages ${m.loadavg.join(" ")})\n`,
  );
  if (rows.length > 0) console.log(textTable(rows));
  await board?.print?.();
  for (const [name, message] of Object.entries(failures)) console.log(`\n${name} FAILED: ${message}`);
  console.log(`\nWritten: ${written.join(", ")}`);
  if (Object.keys(failures).length > 0) process.exitCode = 1;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
setTimeout(() => {
  progress(`watchdog: still running after ${WATCHDOG_MS / 60_000} min; stopping`);
  process.exit(2);
}, WATCHDOG_MS).unref();

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  })
  // Worker threads and sockets left behind by a failure must not keep the process alive.
  .finally(() => setTimeout(() => process.exit(), 1_000).unref());
