/**
 * The first accounts: the admin named in MACA_ADMIN_EMAIL / MACA_ADMIN_PASSWORD, and, when the
 * demo audit is created, demo accounts for each role whose passwords are printed once.
 */
import { randomInt } from "node:crypto";
import type { Role } from "../../shared/domain/account.ts";
import { log } from "../log.ts";
import type { Store } from "../store/index.ts";
import type { UserRecord } from "../store/records.ts";
import { createUser } from "./accounts.ts";
import { passwordProblem } from "./passwords.ts";
import { readWordLists, type WordLists } from "./wordLists.ts";

export async function ensureAdmin(store: Store, admin: { email: string; password: string } | undefined): Promise<UserRecord | undefined> {
  if (!admin) return undefined;
  const email = admin.email.trim().toLowerCase();
  const existing = await store.getUserByEmail(email);
  if (existing) return existing;
  const lists = readWordLists();
  const problem = passwordProblem(admin.password, email, lists);
  if (problem) throw new Error(`MACA_ADMIN_PASSWORD cannot be used: ${problem}`);
  const user = await createUser(
    store,
    { email, name: "Administrator", password: admin.password, agency: "partnership", admin: true },
    lists,
  );
  log.info("created the first admin from MACA_ADMIN_EMAIL", { email });
  return user;
}

/**
 * A diceware passphrase for `email`: long, random, easy to type from a console, and one the
 * password rules accept (a word may happen to be the email's name, e.g. "chair" for chair@...).
 */
export function newPassphrase(email: string, words = 5, lists: WordLists = readWordLists()): string {
  const list = lists.diceware;
  for (;;) {
    const passphrase = Array.from({ length: words }, () => list[randomInt(list.length)]).join("-");
    if (!passwordProblem(passphrase, email, lists)) return passphrase;
  }
}

export interface DemoAccount {
  user: UserRecord;
  role: Role;
  password: string;
}

const DEMO_PEOPLE: ReadonlyArray<{ email: string; name: string; agency: string; role: Role; admin: boolean }> = [
  { email: "chair@demo.invalid", name: "Demo Chair", agency: "partnership", role: "chair", admin: true },
  { email: "police@demo.invalid", name: "Demo Police Officer", agency: "police", role: "attendee", admin: false },
  { email: "social-care@demo.invalid", name: "Demo Social Worker", agency: "childrens-social-care", role: "attendee", admin: false },
  { email: "observer@demo.invalid", name: "Demo Inspector", agency: "independent-reviewing", role: "observer", admin: false },
];

/** Creates the demo accounts that do not exist yet (fresh random passwords for those). */
export async function createDemoAccounts(store: Store): Promise<DemoAccount[]> {
  const created: DemoAccount[] = [];
  const lists = readWordLists();
  for (const person of DEMO_PEOPLE) {
    if (await store.getUserByEmail(person.email)) continue;
    const password = newPassphrase(person.email, 5, lists);
    const user = await createUser(store, { ...person, password }, lists);
    created.push({ user, role: person.role, password });
  }
  return created;
}
