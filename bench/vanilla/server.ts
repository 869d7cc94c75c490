/**
 * Vanilla Hocuspocus 4.7, the benchmark's yardstick: the stock `Server` with no extensions, no
 * auth and no persistence, on the port given as the first argument (0 picks a free one).
 * Prints `listening <port>` once it accepts connections; stops on SIGTERM/SIGINT.
 *
 *   node --import tsx bench/vanilla/server.ts 0
 */
import { Server } from "@hocuspocus/server";

const port = Number(process.argv[2] ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Bad port: ${process.argv[2]}`);

const server = new Server({ port, address: "127.0.0.1", quiet: true, stopOnSignals: true });
await server.listen();
console.log(`listening ${server.address.port}`);
