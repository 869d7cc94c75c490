/**
 * `npm run bench`: our server against vanilla Hocuspocus 4.7, both started here as child
 * processes and measured alternately in the same run, then the board benchmark (bench/board.ts).
 * Prints a table with our/vanilla ratios and the goals of issue 6, and writes JSON under
 * bench/results/. The machines are shared: every figure sits beside the CPU that other
 * processes used while it was measured.
 *
 *   npm run bench                          everything (~25 min)
 *   npm run bench -- --quick               short runs, a smoke test (results not kept as latest)
 *   npm run bench -- --only 30-editors,join-storm
 *   npm run bench -- --rounds 2            ours, vanilla, vanilla, ours per scenario (default: 5 for
 *                                          the edit scenarios, whose goals compare medians of
 *                                          per-round p99s; 1 for the others)
 *   npm run bench -- --cpu-prof /tmp/prof  V8 CPU profiles of every server child
 *   npm run bench -- --trace-gc            both servers under node --trace-gc-nvp: each side's GCs,
 *                                          their stops and its allocation beside its latencies
 *   npm run bench -- --probe /tmp/probe    each delivery, and both servers' event-loop stalls and GCs,
 *                                          into that folder; `npm run bench:probe -- /tmp/probe` shows
 *                                          each round's slowest moments and what the server did then
 *   npm run bench -- --heap-sample /tmp/heap   both servers' allocations in each edit round's measured
 *                                          window; `npm run bench:heap -- /tmp/heap` compares the sides
 *   npm run bench -- --client-threads 2    spread the clients over more worker threads
 *   npm run bench -- --store postgres      our server on a fresh PostgreSQL database per run
 *   npm run bench -- --server-env UV_THREADPOOL_SIZE=16   extra environment for our server only
 *
 * Scenarios: 30-editors, meeting-300, 300-editors, 50-boards, presence, join-storm, two-nodes, board.
 * Only a full default run (no --quick, --only, --store postgres, --server-env, --trace-gc, --probe,
 * --heap-sample or --cpu-prof) becomes latest.json.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { z } from "zod";
import { SCENARIOS, type ScenarioOutcome } from "./latency/scenarios.ts";
import type { ServerKind } from "./lib/childServer.ts";
import { type Columns, markdownTable, OURS_VS_VANILLA, textTable } from "./lib/report.ts";
import { machine, writeResults } from "./lib/results.ts";
import { FULL_TIMING, QUICK_TIMING, type Settings } from "./lib/settings.ts";

const BOARD = "board";
const BOARD_MODULE = new URL("./board.ts", import.meta.url);
/** Past this the benchmark stops itself (and its servers): something hangs. */
const WATCHDOG_MS = 30 * 60_000;

function progress(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/** Set by the benchmark itself for every run of our server; --server-env may not change them. */
const RESERVED_ENV = [
  "STORE",
  "DATABASE_URL",
  "REDIS_URL",
  "REDIS_PREFIX",
  "DATA_DIR",
  "PORT",
  "HOST",
  "MACA_DEMO",
  "MACA_ADMIN_EMAIL",
  "MACA_ADMIN_PASSWORD",
];

const StoreOption = z.enum(["lowdb", "postgres"], { message: "--store takes lowdb or postgres" });
const ServerEnvOption = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*=.*$/, "--server-env takes NAME=value (NAME in capitals)")
  .transform((text) => [text.slice(0, text.indexOf("=")), text.slice(text.indexOf("=") + 1)] as const)
  .refine(([name]) => !RESERVED_ENV.includes(name), { message: `--server-env may not set ${RESERVED_ENV.join(", ")}` });

function parseOption<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("; "));
  return parsed.data;
}

function options() {
  const { values } = parseArgs({
    options: {
      only: { type: "string", multiple: true },
      quick: { type: "boolean", default: false },
      rounds: { type: "string" },
      "client-threads": { type: "string", default: "1" },
      "cpu-prof": { type: "string" },
      "trace-gc": { type: "boolean", default: false },
      probe: { type: "string" },
      "heap-sample": { type: "string" },
      store: { type: "string", default: "lowdb" },
      "server-env": { type: "string", multiple: true },
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
    traceGc: values["trace-gc"],
    probeDir: values.probe === undefined ? undefined : path.resolve(values.probe),
    heapSampleDir: values["heap-sample"] === undefined ? undefined : path.resolve(values["heap-sample"]),
    store: parseOption(StoreOption, values.store),
    serverEnv: Object.fromEntries((values["server-env"] ?? []).map((entry) => parseOption(ServerEnvOption, entry))),
  };
  return {
    selected: (name: string) => !only || only.includes(name),
    only,
    quick: values.quick,
    rounds: values.rounds === undefined ? undefined : positive(values.rounds, "rounds"),
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
  for (const dir of [settings.probeDir, settings.heapSampleDir]) if (dir) await mkdir(dir, { recursive: true });
  const startedAt = new Date();
  const started = performance.now();
  const outcomes: ScenarioOutcome[] = [];
  const failures: Record<string, string> = {};
  let first: ServerKind = "ours";
  for (const scenario of SCENARIOS.filter((s) => selected(s.name))) {
    progress(`${scenario.title}`);
    try {
      outcomes.push(await scenario.run({ settings, rounds: rounds ?? (quick ? 1 : (scenario.defaultRounds ?? 1)), first, progress }));
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

  const tables = tablesOf(outcomes);
  const elapsedMs = performance.now() - started;
  const results = {
    startedAt: startedAt.toISOString(),
    elapsedMs: Math.round(elapsedMs),
    machine: machine(),
    settings: { ...settings, rounds: rounds ?? "default (edit scenarios 5, others 1)", quick, only: only ?? null },
    notes: [
      "Each latency is one edit's receive time minus the send time stamped inside it, over all other clients of its board.",
      "Other load = CPU used by everything except the server under test and the benchmark process, in cores (2 = both cores busy).",
      "Join storm joiners are raw protocol clients (auth + sync step 1, the whole board received but not applied), so the storm measures the server.",
      "With PostgreSQL, the CPU of the backends serving the run's database is counted apart (PostgreSQL CPU), not as other load.",
      "two-nodes: both sides are ours on PostgreSQL + Redis; its table's left column is two nodes, the right one node.",
    ],
    scenarios: Object.fromEntries(outcomes.map((o) => [o.name, { title: o.title, rows: o.rows, ...o.detail }])),
    failures,
    board: board?.result ?? (board?.skipped ? { skipped: board.skipped } : undefined),
    table: tables.map((t) => markdownTable(t.rows, t.columns)).join("\n\n"),
  };
  const defaultServer =
    settings.store === "lowdb" &&
    Object.keys(settings.serverEnv).length === 0 &&
    !process.env.UV_THREADPOOL_SIZE &&
    !settings.traceGc &&
    !settings.probeDir &&
    !settings.heapSampleDir &&
    !settings.cpuProfileDir;
  const complete = !quick && !only && defaultServer && Object.keys(failures).length === 0;
  const written = await writeResults(results, startedAt, complete);

  const m = results.machine as { cpus: number; model: string; node: string; loadavg: number[] };
  console.log(
    `\nMACA Board benchmark — ours (${oursLabel(settings)}) vs vanilla Hocuspocus 4.7 (${(elapsedMs / 1000).toFixed(0)} s; ${m.cpus} × ${m.model}, Node ${m.node}; load averages ${m.loadavg.join(" ")})`,
  );
  for (const table of tables) console.log(`\n${table.title}\n${textTable(table.rows, table.columns)}`);
  await board?.print?.();
  for (const [name, message] of Object.entries(failures)) console.log(`\n${name} FAILED: ${message}`);
  console.log(`\nWritten: ${written.join(", ")}`);
  if (Object.keys(failures).length > 0) process.exitCode = 1;
}

/** How our server ran: its store and any extra environment. */
function oursLabel(settings: Settings): string {
  const env = Object.entries(settings.serverEnv).map(([name, value]) => `${name}=${value}`);
  return [`store: ${settings.store}`, ...env].join(", ");
}

/** One table per pair of compared columns: ours / vanilla, then e.g. two nodes / one node. */
function tablesOf(outcomes: ScenarioOutcome[]) {
  const tables: { title: string; columns: Columns; rows: ScenarioOutcome["rows"] }[] = [];
  for (const outcome of outcomes) {
    const columns = outcome.columns ?? OURS_VS_VANILLA;
    let table = tables.find((t) => t.columns.left === columns.left && t.columns.right === columns.right);
    if (!table) {
      const title = columns === OURS_VS_VANILLA ? "Ours vs vanilla" : `${columns.left} vs ${columns.right} (ours on both sides)`;
      table = { title, columns, rows: [] };
      tables.push(table);
    }
    table.rows.push(...outcome.rows);
  }
  return tables;
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
