/**
 * `npm run migrate`: applies the PostgreSQL schema migrations not yet applied to DATABASE_URL
 * and prints them (the server also runs them on start; this lets an operator do it first).
 */
import { readConfig } from "../config.ts";
import { Health } from "../health.ts";
import { checkDurability, createPool } from "../store/postgres/connect.ts";
import { migrate } from "../store/postgres/migrations.ts";

const fail = (message: string): never => {
  console.error(`migrate: ${message}`);
  process.exit(1);
};

const config = (() => {
  try {
    return readConfig({ STORE: "postgres", ...process.env });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();
if (config.store.kind !== "postgres") fail("set DATABASE_URL (and STORE=postgres)");
const { url } = config.store as { url: string };

const pool = createPool(url, 1, new Health());
try {
  await checkDurability(pool);
  const applied = await migrate(pool);
  if (applied.length === 0) console.log("Nothing to apply: the schema is up to date.");
  for (const m of applied) console.log(`Applied ${String(m.version).padStart(3, "0")}_${m.name}`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  await pool.end();
}
