/**
 * The real server in-process on PostgreSQL (STORE=postgres) instead of a data folder, on a free
 * port, with the same test admin as startTestServer. Several may share one database (nodes).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { readConfig } from "../../server/config.ts";
import { type RunningServer, startServer } from "../../server/server.ts";
import { type Credentials, tokenFor } from "./people.ts";
import { REPO_ROOT, TEST_ADMIN } from "./server.ts";

export interface PostgresServerOptions {
  databaseUrl: string;
  /** Seed the demo audit into an empty database (MACA_DEMO); off by default. */
  demo?: boolean;
}

export interface PostgresTestServer {
  readonly url: string;
  readonly wsUrl: string;
  /** A personal access token of TEST_ADMIN (stored, so it outlives restarts). */
  readonly admin: Credentials;
  stop(): Promise<void>;
  /** stop(), then start again on the same database (on a new port). */
  restart(): Promise<void>;
  /** stop() and remove the (unused) data folder. */
  cleanup(): Promise<void>;
}

export async function startPostgresTestServer(options: PostgresServerOptions): Promise<PostgresTestServer> {
  // DATA_DIR is unused with STORE=postgres; a private one keeps anything stray out of the repo.
  const dataDir = await mkdtemp(path.join(tmpdir(), "maca-pg-"));
  const config = readConfig({
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dataDir,
    STORE: "postgres",
    DATABASE_URL: options.databaseUrl,
    DATABASE_POOL_MAX: "4",
    MACA_DEMO: options.demo ? "1" : "0",
    CLIENT_DIR: path.join(REPO_ROOT, "dist/client"),
    MACA_ADMIN_EMAIL: TEST_ADMIN.email,
    MACA_ADMIN_PASSWORD: TEST_ADMIN.password,
  });
  config.sessionSweepMs = 200;

  let running: RunningServer | undefined = await startServer(config);
  const admin: Credentials = { token: (await tokenFor(running.url, TEST_ADMIN.email, TEST_ADMIN.password)).token };
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
    admin,
    stop,
    async restart() {
      await stop();
      running = await startServer(config);
    },
    async cleanup() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
