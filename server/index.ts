/** Entry point: read config, start, and store every open board on SIGINT/SIGTERM. */
import { readConfig } from "./config.ts";
import { log } from "./log.ts";
import { startServer } from "./server.ts";

const config = readConfig();
const server = await startServer(config).catch((error: unknown) => {
  // A clear sentence for the operator, not a stack trace (bad admin password, port in use...).
  console.error(`MACA Board could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
log.info("MACA Board is running", { url: server.url, dataDir: config.dataDir });
console.log(`MACA Board: ${server.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    log.info("shutting down", { signal });
    await server.stop(config.shutdownDrainMs);
    process.exit(0);
  });
}
