/**
 * `npm run user:add -- --email a@b.org [--name "Sam Lee"] [--agency police] [--admin] [--password ...]`
 * Creates an account directly in the store of DATA_DIR (run it while the server is stopped). With
 * no --password (or MACA_NEW_PASSWORD) a passphrase is generated and printed once.
 */
import { parseArgs } from "node:util";
import { CreateUserInput } from "../../shared/validation/account.ts";
import { describeIssues } from "../../shared/validation/audit.ts";
import { createUser } from "../auth/accounts.ts";
import { newPassphrase } from "../auth/bootstrap.ts";
import { readConfig } from "../config.ts";
import { Health } from "../health.ts";
import { openStore } from "../store/index.ts";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    agency: { type: "string", default: "partnership" },
    admin: { type: "boolean", default: false },
    password: { type: "string" },
  },
});

const generated = !values.password && !process.env.MACA_NEW_PASSWORD;
const password = values.password ?? process.env.MACA_NEW_PASSWORD ?? newPassphrase(values.email ?? "");
const input = CreateUserInput.safeParse({
  email: values.email,
  name: values.name ?? values.email?.split("@")[0],
  agency: values.agency,
  admin: values.admin,
  password,
});
if (!input.success) {
  console.error(`user:add: ${describeIssues(input.error)}`);
  console.error('Usage: npm run user:add -- --email a@b.org [--name "Sam Lee"] [--agency police] [--admin] [--password ...]');
  process.exit(2);
}

const config = readConfig();
// The lock refuses while the server runs: two processes writing maca.json would lose writes.
const store = await openStore(config, new Health()).catch((error: unknown) => {
  console.error(`user:add: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
try {
  const user = await createUser(store, input.data);
  console.log(`Created ${user.admin ? "admin " : ""}${user.email} (${user.agency.name}) in ${config.dataDir}`);
  if (generated) console.log(`Password (shown only now): ${password}`);
} catch (error) {
  console.error(`user:add: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
