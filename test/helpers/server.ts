/** Starts the real server in-process on a free port with its own data folder. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readConfig } from "../../server/config.ts";
import { type RunningServer, startServer } from "../../server/server.ts";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface TestServerOptions {
  /** Data folder to use; a fresh temporary one (removed by cleanup()) when omitted. */
  dataDir?: string;
  /** Seed the demo audit into an empty data folder (MACA_DEMO); off by default. */
  demo?: boolean;
}

export interface TestServer {
  /** http://127.0.0.1:PORT of the running instance (changes on restart()). */
  readonly url: string;
  /** ws://127.0.0.1:PORT/collab of the running instance (changes on restart()). */
  readonly wsUrl: string;
  readonly port: number;
  readonly dataDir: string;
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
  });

  let running: RunningServer | undefined = await startServer(config);
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
