/**
 * `npm run transfer -- --from <DATA_DIR> --to <postgres url>`: moves a whole installation from
 * the lowdb store to PostgreSQL (run it with the server stopped: the data folder's lock refuses
 * otherwise). Refuses a target that already has audits, users or trail entries. Prints each
 * kind's count and SHA-256 from the source before the copy and from the target after it (read
 * back through a fresh connection), and exits 1 if any differ.
 */
import { parseArgs } from "node:util";
import { Health } from "../health.ts";
import { LowdbStore } from "../store/lowdbStore.ts";
import { PostgresStore } from "../store/postgres/postgresStore.ts";
import type { Store } from "../store/Store.ts";
import { copyStore, TransferRefused } from "../transfer/copyStore.ts";
import { differences, type Inventory, KINDS, takeInventory } from "../transfer/inventory.ts";

const USAGE = "Usage: npm run transfer -- --from <DATA_DIR> --to postgres://user@host:5432/database";

function parse(): { from: string; to: string } {
  try {
    const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
    if (values.from && values.to && /^postgres(ql)?:\/\//.test(values.to)) return { from: values.from, to: values.to };
  } catch {
    // Reported below with the usage.
  }
  console.error(USAGE);
  process.exit(2);
}

function print(title: string, inventory: Inventory): void {
  console.log(title);
  for (const kind of KINDS) console.log(`  ${kind.padEnd(18)} ${String(inventory[kind].count).padStart(7)}  ${inventory[kind].sha256}`);
}

const { from, to } = parse();
const health = new Health();
let source: Store | undefined;
let target: Store | undefined;
try {
  source = await LowdbStore.open(from, health);
  target = await PostgresStore.open({ url: to, poolMax: 4 }, health);
  const before = await takeInventory(source);
  print(`Source (lowdb, ${from}):`, before);
  await copyStore(source, target);
  await target.close();
  // Read back through a new connection: what a server starting on it will see.
  target = await PostgresStore.open({ url: to, poolMax: 4 }, health);
  const after = await takeInventory(target);
  print("Target (PostgreSQL) after the copy:", after);
  const differing = differences(before, after);
  if (differing.length > 0) {
    console.error(`transfer: the copy differs from the source in: ${differing.join(", ")}`);
    process.exitCode = 1;
  } else {
    console.log(`All ${KINDS.length} kinds match: counts and SHA-256 are the same in the source and the target.`);
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TransferRefused) console.error(`transfer: refused: ${message}`);
  else console.error(`transfer: ${message}\nThe target may hold part of the copy: drop and recreate that database before trying again.`);
  process.exitCode = 1;
} finally {
  await source?.close();
  await target?.close();
}
