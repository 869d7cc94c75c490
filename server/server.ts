/** Builds the whole server (store, accounts, collaboration, HTTP) on one port and stops it cleanly. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.ts";
import { ensureAdmin } from "./auth/bootstrap.ts";
import { Authenticator } from "./auth/principal.ts";
import { Sessions } from "./auth/sessions.ts";
import { openCluster } from "./cluster/index.ts";
import { attachWebSocket } from "./collab/attachWebSocket.ts";
import { type Collab, createCollab } from "./collab/createCollab.ts";
import { FreezeGate } from "./collab/freezeGate.ts";
import { LiveAccess } from "./collab/liveAccess.ts";
import { PendingSockets } from "./collab/pendingSockets.ts";
import type { Config } from "./config.ts";
import { seedDemoIfEmpty } from "./demo/seedDemo.ts";
import { ActionCounts } from "./domain/actionCounts.ts";
import { Health } from "./health.ts";
import { log } from "./log.ts";
import { openStore } from "./store/index.ts";
import { AuditTrail } from "./trail/auditTrail.ts";
import { DocumentChangeLog } from "./trail/documentChanges.ts";

export interface RunningServer {
  port: number;
  /** http://host:port */
  url: string;
  /**
   * Graceful stop: /api/ready answers 503 for `drainMs` (so the load balancer sends nobody new),
   * then every connection closes (pages reconnect, to another node if there is one), every open
   * board is stored, and the store closes.
   */
  stop(drainMs?: number): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const health = new Health();
  const store = await openStore(config, health);
  const trail = await AuditTrail.open(store);
  const admin = await ensureAdmin(store, config.admin);
  if (config.demo) await seedDemoIfEmpty(store, admin);
  if ((await store.listUsers()).length === 0) {
    log.announce("No accounts yet: set MACA_ADMIN_EMAIL and MACA_ADMIN_PASSWORD, or run `npm run user:add -- --email ... --admin`.");
  }

  const sessions = new Sessions(store, config.sessions);
  const auth = new Authenticator(store, sessions, trail);
  const changes = new DocumentChangeLog(trail);
  const pending = new PendingSockets(config.pendingSockets.max, config.pendingSockets.deadlineMs);
  const gate = await FreezeGate.open(store);
  // With other nodes, counts cached here go stale by their edits: recomputed after 15 s.
  const counts = new ActionCounts(store, config.redis ? 15_000 : undefined);
  const cluster = await openCluster(config, health).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const { hocuspocus, durability } = createCollab({ store, auth, trail, changes, pending, gate, counts, health, cluster });
  cluster.attach(hocuspocus);
  const live = new LiveAccess(hocuspocus, store, sessions, gate, cluster);
  live.startSweeping(config.sessionSweepMs);

  const http = createServer(createApp({ store, hocuspocus, durability, auth, trail, live, gate, counts, health, cluster }, config));
  const sockets = attachWebSocket(http, { hocuspocus, pending, allowedOrigins: config.allowedOrigins });

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;

  let stopping: Promise<void> | undefined;
  const stop = (drainMs = 0) => {
    stopping ??= (async () => {
      health.startDraining();
      if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
      http.close();
      live.stop();
      await storeAllAndUnload(hocuspocus);
      sockets.closeAll();
      http.closeAllConnections();
      changes.flush();
      await trail.settle();
      await cluster.close();
      await store.close();
    })();
    return stopping;
  };
  return { port, url: `http://${host}:${port}`, stop };
}

/** Closes every connection and waits until Hocuspocus has stored and unloaded every board. */
async function storeAllAndUnload(hocuspocus: Collab["hocuspocus"], timeoutMs = 10_000): Promise<void> {
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
