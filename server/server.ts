/** Builds the whole server (store, collaboration, HTTP) on one port and stops it cleanly. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.ts";
import { attachWebSocket } from "./collab/attachWebSocket.ts";
import { createCollab } from "./collab/createCollab.ts";
import type { Config } from "./config.ts";
import { seedDemoIfEmpty } from "./demo/seedDemo.ts";
import { log } from "./log.ts";
import { openStore } from "./store/index.ts";

export interface RunningServer {
  port: number;
  /** http://host:port */
  url: string;
  /** Stores every open board, closes every connection, then the store. */
  stop(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const store = await openStore(config);
  if (config.demo) await seedDemoIfEmpty(store);
  const hocuspocus = createCollab(store);
  const http = createServer(createApp({ store, hocuspocus, clientDir: config.clientDir }));
  const sockets = attachWebSocket(http, hocuspocus);

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      http.close();
      await storeAllAndUnload(hocuspocus);
      sockets.closeAll();
      http.closeAllConnections();
      await store.close();
    })();
    return stopping;
  };
  return { port, url: `http://${host}:${port}`, stop };
}

/** Closes every connection and waits until Hocuspocus has stored and unloaded every board. */
async function storeAllAndUnload(hocuspocus: ReturnType<typeof createCollab>, timeoutMs = 10_000): Promise<void> {
  hocuspocus.closeConnections();
  hocuspocus.flushPendingStores();
  const deadline = Date.now() + timeoutMs;
  while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (hocuspocus.getDocumentsCount() > 0) {
    log.error("shutdown timed out with boards still open", { open: hocuspocus.getDocumentsCount() });
  }
}
