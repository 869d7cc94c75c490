/**
 * A server under test in a child process that can report its own memory: OUR server (the real
 * startServer with auth, the audit trail and persistence, configured from the environment like
 * server/index.ts) or VANILLA Hocuspocus (the stock Server, no extensions). Started by probe.ts
 * with --expose-gc and an IPC channel; on {type:"measure"} it collects garbage twice and answers
 * with heapUsed, RSS and how many documents Hocuspocus holds.
 *
 *   node --expose-gc --import tsx bench/board/serverProbe.ts ours|vanilla
 */
import { Hocuspocus, Server } from "@hocuspocus/server";
import { readConfig } from "../../server/config.ts";
import { startServer } from "../../server/server.ts";

export type ProbeKind = "ours" | "vanilla";

/** "measure" collects garbage first (tens of ms of server CPU); "count" only counts open documents. */
export type ProbeRequest = { type: "measure" | "count"; id: number };
export type ProbeReply =
  | { type: "ready"; port: number }
  | { type: "counted"; id: number; documents: number }
  | { type: "measured"; id: number; heapUsed: number; rss: number; documents: number; connections: number };

/**
 * startServer does not expose its Hocuspocus engine, so the probe notes the instance as it is
 * configured (its constructor calls configure) to read the document count. Measurement only.
 */
const engines: Hocuspocus[] = [];
const configure = Hocuspocus.prototype.configure;
Hocuspocus.prototype.configure = function (this: Hocuspocus, ...args: Parameters<Hocuspocus["configure"]>) {
  if (!engines.includes(this)) engines.push(this);
  return configure.apply(this, args);
};

function send(reply: ProbeReply): void {
  process.send?.(reply);
}

async function main(kind: ProbeKind): Promise<void> {
  let stop: () => Promise<void>;
  let port: number;
  if (kind === "ours") {
    const running = await startServer(readConfig(process.env));
    port = running.port;
    stop = running.stop;
  } else {
    const server = new Server({ port: 0, address: "127.0.0.1", quiet: true, stopOnSignals: false });
    await server.listen();
    port = server.address.port;
    stop = () => server.destroy();
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  const documents = () => engines.reduce((n, engine) => n + engine.getDocumentsCount(), 0);
  process.on("message", (request: ProbeRequest) => {
    if (request.type === "count") {
      send({ type: "counted", id: request.id, documents: documents() });
      return;
    }
    gc?.();
    gc?.();
    const memory = process.memoryUsage();
    send({
      type: "measured",
      id: request.id,
      heapUsed: memory.heapUsed,
      rss: memory.rss,
      documents: documents(),
      connections: engines.reduce((n, engine) => n + engine.getConnectionsCount(), 0),
    });
  });
  const exit = () => void stop().finally(() => process.exit(0));
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, exit);
  // The benchmark died without stopping us: do not linger as an orphan holding a port.
  process.once("disconnect", exit);
  send({ type: "ready", port });
}

const kind = process.argv[2];
if (kind !== "ours" && kind !== "vanilla") throw new Error(`serverProbe: expected ours|vanilla, got ${kind}`);
await main(kind);
