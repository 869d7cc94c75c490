/** Accounts: creating and changing users, signing in, changing passwords. */
import { newId } from "../../shared/board/index.ts";
import type { UserView } from "../../shared/domain/account.ts";
import type { CreateUserInput, UpdateUserInput } from "../../shared/validation/account.ts";
import { resolveAgency } from "../domain/agencies.ts";
import { DomainError } from "../domain/errors.ts";
import type { Store } from "../store/index.ts";
import type { UserRecord } from "../store/records.ts";
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";
import { readWordLists, type WordLists } from "./wordLists.ts";

export function userView(user: UserRecord): UserView {
  const { passwordHash: _secret, ...view } = user;
  return view;
}

function checkPassword(password: string, email: string, lists = readWordLists()): void {
  const problem = passwordProblem(password, email, lists);
  if (problem) throw new DomainError(400, problem);
}

/** `lists`: word lists a caller creating several accounts has read already (they take ~25 ms to read). */
export async function createUser(store: Store, input: CreateUserInput, lists?: WordLists): Promise<UserRecord> {
  checkPassword(input.password, input.email, lists);
  if (await store.getUserByEmail(input.email)) throw new DomainError(409, `There is already an account for ${input.email}`);
  const user: UserRecord = {
    id: newId(),
    email: input.email,
    name: input.name,
    agency: resolveAgency(input.agency),
    admin: input.admin ?? false,
    disabled: false,
    passwordHash: await hashPassword(input.password),
    createdAt: new Date().toISOString(),
  };
  await store.createUser(user);
  return user;
}

export async function updateUser(store: Store, id: string, input: UpdateUserInput): Promise<UserRecord> {
  const existing = await store.getUser(id);
  if (!existing) throw new DomainError(404, `No user with id '${id}'`);
  if (input.password) checkPassword(input.password, existing.email);
  const updated = await store.updateUser(id, {
    name: input.name,
    agency: input.agency === undefined ? undefined : resolveAgency(input.agency),
    admin: input.admin,
    disabled: input.disabled,
    passwordHash: input.password === undefined ? undefined : await hashPassword(input.password),
  });
  if (!updated) throw new DomainError(404, `No user with id '${id}'`);
  return updated;
}

/** The user if the email and password match an enabled account; the same work either way. */
export async function checkSignIn(store: Store, email: string, password: string): Promise<UserRecord | undefined> {
  const user = await store.getUserByEmail(email);
  const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  return user && matches && !user.disabled ? user : undefined;
}

export async function changePassword(store: Store, user: UserRecord, currentPassword: string, newPassword: string): Promise<void> {
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new DomainError(400, "The current password is not right");
  checkPassword(newPassword, user.email);
  await store.updateUser(user.id, { passwordHash: await hashPassword(newPassword) });
}
