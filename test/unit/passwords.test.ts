/** The rules for new passwords, and argon2id hashing round trips. */
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { newPassphrase } from "../../server/auth/bootstrap.ts";
import { hashPassword, passwordProblem, verifyPassword } from "../../server/auth/passwords.ts";
import { readWordLists } from "../../server/auth/wordLists.ts";

const lists = readWordLists();

describe("passwordProblem", () => {
  test.each([
    ["short", /at least 12/],
    ["x".repeat(257), /at most 256/],
    ["password1234", /common passwords/],
    ["Sunshine2026!!!", /common passwords/],
    ["123456qwerty", /common passwords/],
    ["aaaaaaaaaaaaaaaa", /repeated|common/],
    ["sam.lee-secret-2026", /email address/],
  ])("refuses %s", (password, reason) => {
    expect(passwordProblem(password, "sam.lee@partnership.invalid", lists)).toMatch(reason);
  });

  test.each(["correct horse battery staple", "Strategy-meeting-on-Tuesday!", "ℌ𝔢𝔩𝔩𝔬 long unicode pass"])("accepts %s", (password) => {
    expect(passwordProblem(password, "sam.lee@partnership.invalid", lists)).toBeUndefined();
  });
});

describe("hashPassword", () => {
  test("makes salted argon2id hashes that verify only the right password", async () => {
    const [a, b] = await Promise.all([hashPassword("correct horse battery staple"), hashPassword("correct horse battery staple")]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(a, "correct horse battery stapler")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });
});

describe("newPassphrase", () => {
  test("always passes the password rules, even for an email whose name is a diceware word", () => {
    for (let i = 0; i < 300; i += 1) {
      const passphrase = newPassphrase("chair@demo.invalid", 2, lists);
      expect(passwordProblem(passphrase, "chair@demo.invalid", lists)).toBeUndefined();
    }
  });
});

describe("readWordLists", () => {
  test("keeps nothing loaded once read: the lists are freed with the caller's last reference", () => {
    const fresh = readWordLists();
    expect(fresh.commonPasswords.has("password")).toBe(true);
    expect(fresh.diceware.length).toBeGreaterThan(1_000);
    const require = createRequire(import.meta.url);
    expect(Object.keys(require.cache).filter((id) => id.includes(`${path.sep}@zxcvbn-ts${path.sep}`))).toEqual([]);
  });

  test("reading them again and again does not pile copies up on the heap (each is ~2 MB)", async () => {
    // A fresh process with --expose-gc, so the heap is measured after full collections; the
    // pauses let each read's job end (until then V8 keeps what it loaded alive).
    const script = `
      import { setTimeout as sleep } from "node:timers/promises";
      import { readWordLists } from ${JSON.stringify(fileURLToPath(new URL("../../server/auth/wordLists.ts", import.meta.url)))};
      const heap = async () => { await sleep(5); gc(); gc(); return process.memoryUsage().heapUsed; };
      readWordLists();
      const before = await heap();
      for (let i = 0; i < 5; i++) { readWordLists(); await sleep(1); }
      console.log(JSON.stringify({ grewBytes: (await heap()) - before }));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ["--expose-gc", "--import", "tsx", "--input-type=module", "-e", script]);
    const { grewBytes } = JSON.parse(stdout) as { grewBytes: number };
    expect(grewBytes).toBeLessThan(1_000_000);
  }, 60_000);
});
