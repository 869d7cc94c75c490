/** Starts the real server in-process on a free port with its own data folder. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readConfig } from "../../server/config.ts";
import { type RunningServer, startServer } from "../../server/server.ts";
import { type Credentials, tokenFor } from "./people.ts";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface TestServerOptions {
  /** Data folder to use; a fresh temporary one (removed by cleanup()) when omitted. */
  dataDir?: string;
  /** Seed the demo audit into an empty data folder (MACA_DEMO); off by default. */
  demo?: boolean;
  /** Session lifetimes (defaults: 30 minutes idle, 12 hours in all). */
  sessions?: { idleMs: number; absoluteMs: number };
  /** Express "trust proxy" (TRUST_PROXY), e.g. "loopback" to honour X-Forwarded-Proto from tests. */
  trustProxy?: string;
  /** Limits on sockets that have not authenticated (defaults: 200 at once, 10 s each). */
  pendingSockets?: { max: number; deadlineMs: number };
  /** More environment for readConfig (e.g. STORE=postgres and DATABASE_URL). */
  env?: Record<string, string>;
}

/** The admin every test server starts with (MACA_ADMIN_EMAIL / MACA_ADMIN_PASSWORD). */
export const TEST_ADMIN = { email: "admin@test.invalid", password: "correct staple battery horse" };

export interface TestServer {
  /** http://127.0.0.1:PORT of the running instance (changes on restart()). */
  readonly url: string;
  /** ws://127.0.0.1:PORT/collab of the running instance (changes on restart()). */
  readonly wsUrl: string;
  readonly port: number;
  readonly dataDir: string;
  /** A personal access token of TEST_ADMIN, who chairs every audit it creates. */
  readonly admin: Credentials;
  /** Graceful stop: stores every open board. Safe to call twice. */
  stop(): Promise<void>;
  /** stop(), then start again on the same data folder (on a new port). */
  restart(): Promise<void>;
  /** stop() and remove the data folder if this helper created it. */
  cleanup(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), "maca-test-")));
  const config = readConfig({
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dataDir,
    MACA_DEMO: options.demo ? "1" : "0",
    CLIENT_DIR: path.join(REPO_ROOT, "dist/client"),
    MACA_ADMIN_EMAIL: TEST_ADMIN.email,
    MACA_ADMIN_PASSWORD: TEST_ADMIN.password,
    ...options.env,
  });
  if (options.sessions) config.sessions = options.sessions;
  if (options.trustProxy) config.trustProxy = options.trustProxy;
  if (options.pendingSockets) config.pendingSockets = options.pendingSockets;
  config.sessionSweepMs = 200;

  let running: RunningServer | undefined = await startServer(config);
  const { token } = await tokenFor(running.url, TEST_ADMIN.email, TEST_ADMIN.password);
  const admin: Credentials = { token };
  const current = (): RunningServer => {
    if (!running) throw new Error("The test server is stopped");
    return running;
  };
  const stop = async () => {
    const server = running;
    running = undefined;
    await server?.stop();
  };

  return {
    get url() {
      return current().url;
    },
    get wsUrl() {
      return `ws://127.0.0.1:${current().port}/collab`;
    },
    get port() {
      return current().port;
    },
    dataDir,
    admin,
    stop,
    async restart() {
      await stop();
      running = await startServer(config);
    },
    async cleanup() {
      await stop();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
