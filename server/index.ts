/** Entry point: read config, start, and store every open board on SIGINT/SIGTERM. */
import { readConfig } from "./config.ts";
import { log } from "./log.ts";
import { startServer } from "./server.ts";

const config = readConfig();
const server = await startServer(config);
log.info("MACA Board is running", { url: server.url, dataDir: config.dataDir });
console.log(`MACA Board: ${server.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    log.info("shutting down", { signal });
    await server.stop();
    process.exit(0);
  });
}
