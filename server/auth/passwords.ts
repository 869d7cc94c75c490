/** Password hashing (argon2id) and the rules a new password must meet. */
import argon2 from "argon2";
import { LIMITS } from "../../shared/validation/limits.ts";
import type { WordLists } from "./wordLists.ts";

/** OWASP's argon2id baseline (19 MiB, 2 passes): about 30 ms here, slow enough for guessing. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not tell. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword("decoy password that nobody has");
  return decoy;
}

/** Why `password` may not be used, or undefined when it may (`lists` from readWordLists). */
export function passwordProblem(password: string, email: string | undefined, lists: WordLists): string | undefined {
  if (password.length < LIMITS.passwordMinChars) return `Password must be at least ${LIMITS.passwordMinChars} characters`;
  if (password.length > LIMITS.passwordMaxChars) return `Password must be at most ${LIMITS.passwordMaxChars} characters`;
  const lower = password.toLowerCase();
  // "sunshine2026!" is as guessable as "sunshine": check the word without digits and symbols round it.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, "");
  if (lists.commonPasswords.has(lower) || (core.length >= 4 && lists.commonPasswords.has(core))) {
    return "That password is on a list of common passwords (or is one with digits or symbols added): choose another";
  }
  if (/^(.)\1+$/.test(password)) return "Password must not be one character repeated";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "Password must not contain your email address";
  return undefined;
}
