/**
 * Starts the server under test as a child process (so its CPU and memory can be read from /proc
 * apart from the clients'): OUR server (`server/index.ts`, the real thing: auth, durable log,
 * audit trail) or VANILLA Hocuspocus (`bench/vanilla/server.ts`), each on a free port.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { countGcLine, emptyGcTally, type GcTally, isGcTraceLine } from "./gcTrace.ts";
import { HEAP_DIR_ENV, HEAP_KIND_ENV } from "./heapSampler.ts";
import { PROBE_DIR_ENV } from "./loopProbe.ts";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type ServerKind = "ours" | "vanilla";

/** The first admin of our server (MACA_ADMIN_EMAIL / MACA_ADMIN_PASSWORD); pseudonymous. */
export const BENCH_ADMIN = { email: "bench.admin@bench.invalid", password: "bench admin passphrase long enough" };

export interface ChildServer {
  kind: ServerKind;
  pid: number;
  /** http://127.0.0.1:PORT */
  httpUrl: string;
  /** The WebSocket address clients connect to. */
  wsUrl: string;
  /** Warnings and errors the server logged (our server logs one JSON line each). */
  readonly logCounts: { warn: number; error: number };
  /** The first few warning and error lines (for the JSON: what went wrong, not just how often). */
  readonly problems: string[];
  /** Its garbage collections since the last call (started with `traceGc`; all zero otherwise). */
  takeGc(): GcTally;
  /** The last lines it wrote, for diagnosing a failed run. */
  tail(): string;
  /** SIGTERM (our server then stores every board), SIGKILL if it has not exited in time. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Write a V8 CPU profile of the server into this folder on exit (node --cpu-prof). */
  cpuProfileDir?: string;
  /** Start it with `node --trace-gc-nvp` and tally its collections (takeGc). */
  traceGc?: boolean;
  /** Extra environment for OUR server (store, Redis, --server-env); vanilla takes none. */
  env?: Record<string, string>;
  /** Record its event-loop stalls and GCs into this folder (loopProbe.ts; `--probe`). */
  probeDir?: string;
  /** Sample its allocations into this folder between two SIGUSR2 (heapSampler.ts; `--heap-sample`). */
  heapSampleDir?: string;
}

const START_TIMEOUT_MS = 30_000;
const MAX_PROBLEMS = 5;

/** Children still running: killed if the benchmark itself exits early (error, watchdog, Ctrl-C). */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});
const STOP_TIMEOUT_MS = 15_000;

export async function startServer(kind: ServerKind, options: StartOptions = {}): Promise<ChildServer> {
  const dataDir = kind === "ours" ? await mkdtemp(path.join(tmpdir(), "maca-bench-")) : undefined;
  const script = kind === "ours" ? "server/index.ts" : "bench/vanilla/server.ts";
  const profile = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const trace = options.traceGc ? ["--trace-gc-nvp"] : [];
  const probe = options.probeDir ? ["--import", path.join(REPO_ROOT, "bench/lib/loopProbe.ts")] : [];
  const heap = options.heapSampleDir ? ["--import", path.join(REPO_ROOT, "bench/lib/heapSampler.ts")] : [];
  const child = spawn(
    process.execPath,
    [...profile, ...trace, "--import", "tsx", ...probe, ...heap, script, ...(kind === "vanilla" ? ["0"] : [])],
    {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...(options.probeDir ? { [PROBE_DIR_ENV]: options.probeDir } : {}),
        ...(options.heapSampleDir ? { [HEAP_DIR_ENV]: options.heapSampleDir, [HEAP_KIND_ENV]: kind } : {}),
        // Passed through so its effect on the servers can be measured (libuv's default is 4).
        ...(process.env.MACA_GATE_LOG ? { MACA_GATE_LOG: process.env.MACA_GATE_LOG } : {}),
        ...(process.env.UV_THREADPOOL_SIZE ? { UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE } : {}),
        ...(dataDir
          ? {
              DATA_DIR: dataDir,
              PORT: "0",
              HOST: "127.0.0.1",
              MACA_DEMO: "0",
              MACA_ADMIN_EMAIL: BENCH_ADMIN.email,
              MACA_ADMIN_PASSWORD: BENCH_ADMIN.password,
              ...options.env,
            }
          : {}),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );

  running.add(child);
  child.once("exit", () => running.delete(child));
  const lines: string[] = [];
  const logCounts = { warn: 0, error: 0 };
  const problems: string[] = [];
  let gc = emptyGcTally();
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line) continue;
      if (options.traceGc && isGcTraceLine(line)) {
        countGcLine(gc, line);
        continue;
      }
      if (line.includes('"level":"warn"')) logCounts.warn += 1;
      if (line.includes('"level":"error"')) logCounts.error += 1;
      if (/"level":"(warn|error)"/.test(line) && problems.length < MAX_PROBLEMS) problems.push(line.slice(0, 500));
      lines.push(line);
      if (lines.length > 40) lines.shift();
    }
  };
  child.stderr?.on("data", remember);

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const port = await readyPort(child, kind, remember);
    const httpUrl = `http://127.0.0.1:${port}`;
    const wsUrl = kind === "ours" ? `ws://127.0.0.1:${port}/collab` : `ws://127.0.0.1:${port}`;
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await terminate(child, exited);
        if (dataDir) await rm(dataDir, { recursive: true, force: true });
      })();
      return stopping;
    };
    const takeGc = () => {
      const taken = gc;
      gc = emptyGcTally();
      return taken;
    };
    return { kind, pid: child.pid ?? -1, httpUrl, wsUrl, logCounts, problems, takeGc, tail: () => lines.join("\n"), stop };
  } catch (error) {
    await terminate(child, exited);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    throw new Error(`${kind} server did not start: ${error instanceof Error ? error.message : String(error)}\n${lines.join("\n")}`);
  }
}

/** Resolves with the port once the child prints its ready line. */
function readyPort(child: ChildProcess, kind: ServerKind, remember: (chunk: Buffer) => void): Promise<number> {
  const ready = kind === "ours" ? /MACA Board: http:\/\/[^:]+:(\d+)/ : /listening (\d+)/;
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    let buffered = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      remember(chunk);
      buffered += chunk.toString("utf8");
      const match = ready.exec(buffered);
      if (match) {
        clearTimeout(timer);
        buffered = "";
        resolve(Number(match[1]));
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited before it was ready (code ${code}, signal ${signal})`));
    });
  });
}

async function terminate(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), STOP_TIMEOUT_MS))]);
  if (timedOut) {
    child.kill("SIGKILL");
    await exited;
  }
}
