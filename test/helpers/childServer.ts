/**
 * The real server in a child process (`node --import tsx server/index.ts`), for tests that must
 * kill it the hard way. It keeps one port for its whole life, so clients reconnect by themselves
 * after a restart, and one data folder. The node process leads its own process group, so kill9()
 * takes down everything it may have started, and the test process kills it on exit too.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Credentials, tokenFor } from "./people.ts";
import { freePort } from "./ports.ts";
import { REPO_ROOT, TEST_ADMIN } from "./server.ts";
import { waitFor } from "./wait.ts";

export interface ChildServerOptions {
  /** Data folder to use; a fresh temporary one (removed by cleanup()) when omitted. */
  dataDir?: string;
  /** Extra environment for the server (e.g. MACA_LOG). */
  env?: Record<string, string>;
  /** How long one start may take before it counts as failed. */
  startTimeoutMs?: number;
}

export interface ChildServer {
  readonly url: string;
  readonly wsUrl: string;
  readonly port: number;
  readonly dataDir: string;
  /** A personal access token of TEST_ADMIN (tokens survive restarts: they are stored). */
  readonly admin: Credentials;
  /** The node process's id while it runs. */
  readonly pid: number | undefined;
  /** Whether the server process is alive (not whether it still answers). */
  readonly running: boolean;
  /** SIGKILL to the server's whole process group; resolves once the process has exited. */
  kill9(): Promise<void>;
  /** Graceful stop if it runs (kill9() first for a crash), then start again on the same port and data folder; resolves once /api/health answers. */
  restart(): Promise<void>;
  /** SIGTERM (the server stores every open board), then wait for the exit; SIGKILL if it hangs. */
  stop(): Promise<void>;
  /** stop() and remove the data folder if this helper created it. */
  cleanup(): Promise<void>;
  /** The last lines the server wrote (stdout and stderr), for failure messages. */
  output(): string;
}

const OUTPUT_KEEP_CHARS = 20_000;

/** Every child still running when the test process exits is killed, so none outlives the run. */
const living = new Set<ChildProcess>();
let exitHookInstalled = false;
function killOnExit(child: ChildProcess): void {
  living.add(child);
  child.once("exit", () => living.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const running of living) killGroup(running, "SIGKILL");
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Negative pid: the whole group the detached child leads.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startChildServer(options: ChildServerOptions = {}): Promise<ChildServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), "maca-child-")));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  let child: ChildProcess | undefined;
  let output = "";

  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-OUTPUT_KEEP_CHARS);
  };

  const start = async () => {
    output += `--- start ${new Date().toISOString()} ---\n`;
    const started = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        HOST: "127.0.0.1",
        PORT: String(port),
        DATA_DIR: dataDir,
        MACA_DEMO: "0",
        CLIENT_DIR: path.join(REPO_ROOT, "dist/client"),
        MACA_ADMIN_EMAIL: TEST_ADMIN.email,
        MACA_ADMIN_PASSWORD: TEST_ADMIN.password,
        MACA_LOG: "1",
        ...options.env,
      },
    });
    child = started;
    killOnExit(started);
    started.stdout?.on("data", keep);
    started.stderr?.on("data", keep);
    started.once("exit", (code, signal) => {
      output += `--- exited (code ${code}, signal ${signal}) ---\n`;
    });
    try {
      // A server that exits while starting has failed: say so now rather than wait out the timeout.
      const outcome = await waitFor(
        async () => {
          if (started.exitCode !== null || started.signalCode !== null) return "exited";
          const response = await fetch(`${url}/api/health`).catch(() => undefined);
          return response?.status === 200 ? "up" : undefined;
        },
        startTimeoutMs,
        "the child server to answer /api/health",
      );
      if (outcome === "exited") throw new Error("the server exited while starting");
    } catch (error) {
      killGroup(started, "SIGKILL");
      await exited(started);
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nServer output:\n${output}`);
    }
  };

  const kill9 = async () => {
    const running = child;
    if (!running) return;
    killGroup(running, "SIGKILL");
    await exited(running);
    child = undefined;
  };

  const stop = async () => {
    const running = child;
    if (!running) return;
    killGroup(running, "SIGTERM");
    const timer = setTimeout(() => killGroup(running, "SIGKILL"), 20_000);
    await exited(running);
    clearTimeout(timer);
    child = undefined;
  };

  await start();
  const { token } = await tokenFor(url, TEST_ADMIN.email, TEST_ADMIN.password);

  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    port,
    dataDir,
    admin: { token },
    get pid() {
      return child?.pid;
    },
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    kill9,
    async restart() {
      await stop();
      await start();
    },
    stop,
    async cleanup() {
      await stop();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
    output: () => output,
  };
}
