/**
 * Accounts and sessions over real HTTP: the session cookie's flags and rotation, CSRF, rate
 * limits on failed sign-ins, the password rules, changing a password, tokens shown once and
 * stored hashed, and a clear 4xx for every bad input.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Api, api } from "../helpers/api.ts";
import { addPerson, signIn } from "../helpers/people.ts";
import { startTestServer, TEST_ADMIN, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let admin: Api;

beforeAll(async () => {
  server = await startTestServer({ trustProxy: "loopback" });
  admin = api(server.url, server.admin);
});

afterAll(async () => {
  await server?.cleanup();
});

function postSession(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("signing in", () => {
  test("sets an httpOnly, SameSite=Strict session cookie and returns the user and a CSRF token", async () => {
    const response = await postSession({ email: TEST_ADMIN.email, password: TEST_ADMIN.password });
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^maca_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i);
    const body = (await response.json()) as { user: Record<string, unknown>; csrfToken: string };
    expect(body.user).toMatchObject({ email: TEST_ADMIN.email, admin: true });
    expect(body.user).not.toHaveProperty("passwordHash");
    expect(body.csrfToken.length).toBeGreaterThan(20);
  });

  test("marks the cookie Secure when the browser reached the server over TLS (via a trusted proxy)", async () => {
    const response = await postSession({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }, { "x-forwarded-proto": "https" });
    expect(response.headers.get("set-cookie")).toMatch(/Secure/i);
  });

  test("rotates the session: signing in again ends the session the browser had", async () => {
    const first = await signIn(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const second = await postSession({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }, { cookie: first.cookie ?? "" });
    expect(second.status).toBe(200);
    expect((await api(server.url, first).get("/api/session")).status).toBe(401);
    const cookie = (second.headers.get("set-cookie") ?? "").split(";")[0];
    expect(cookie).not.toBe(first.cookie);
    expect((await api(server.url, { cookie }).get("/api/session")).status).toBe(200);
  });

  test("a wrong password, an unknown email and a malformed body get clear errors and no cookie", async () => {
    const wrong = await postSession({ email: TEST_ADMIN.email, password: "not the password at all" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    expect(((await wrong.json()) as { error: string }).error).toMatch(/do not match/);
    expect((await postSession({ email: "nobody@test.invalid", password: "whatever whatever" })).status).toBe(401);
    expect((await postSession({ email: "not an email", password: "x" })).status).toBe(400);
    expect((await postSession({ email: TEST_ADMIN.email, password: TEST_ADMIN.password, admin: true })).status).toBe(400);
    const garbage = await fetch(`${server.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(garbage.status).toBe(400);
  });

  test("failed sign-ins are rate-limited per account, with a message that says so", async () => {
    const person = await addPerson(server.url, server.admin, { name: "Rate Limited" });
    for (let i = 0; i < 5; i += 1) {
      expect((await postSession({ email: person.email, password: `wrong guess number ${i}` })).status).toBe(401);
    }
    const blocked = await postSession({ email: person.email, password: person.password });
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as { error: string }).error).toMatch(/Too many failed sign-ins for this account/);
    // Other accounts are unaffected.
    expect((await postSession({ email: TEST_ADMIN.email, password: TEST_ADMIN.password })).status).toBe(200);
  });

  test("failed sign-ins are rate-limited per IP across accounts", async () => {
    const own = await startTestServer();
    try {
      let last = 0;
      for (let i = 0; i < 31 && last !== 429; i += 1) {
        const response = await fetch(`${own.url}/api/session`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: `guess${i}@test.invalid`, password: "password guess" }),
        });
        last = response.status;
        if (last === 429) expect(((await response.json()) as { error: string }).error).toMatch(/from this network/);
      }
      expect(last).toBe(429);
    } finally {
      await own.cleanup();
    }
  });
});

describe("CSRF", () => {
  test("a cookie-authenticated change needs the X-CSRF-Token of its session; a bearer token needs none", async () => {
    const session = await signIn(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const body = { title: "CSRF check", theme: "Neglect" };
    expect((await api(server.url, { cookie: session.cookie }).call("POST", "/api/audits", body)).status).toBe(403);
    expect((await api(server.url, { cookie: session.cookie, csrfToken: "forged-token" }).call("POST", "/api/audits", body)).status).toBe(
      403,
    );
    expect((await api(server.url, session).call("POST", "/api/audits", body)).status).toBe(201);
    expect((await admin.call("POST", "/api/audits", body)).status).toBe(201);
  });
});

describe("passwords", () => {
  test("new passwords must be 12+ characters and not common; the hash is argon2id", async () => {
    const base = { email: "rules@test.invalid", name: "Rules", agency: "police" };
    const short = await admin.call("POST", "/api/users", { ...base, password: "short pass" });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toMatch(/at least 12/);
    const common = await admin.call("POST", "/api/users", { ...base, password: "password1234" });
    expect(common.status).toBe(400);
    expect(JSON.stringify(common.body)).toMatch(/common passwords/);
    const ok = await admin.call("POST", "/api/users", { ...base, password: "a sensible long phrase" });
    expect(ok.status).toBe(201);
    expect((await admin.call("POST", "/api/users", { ...base, password: "a sensible long phrase" })).status).toBe(409);

    await server.stop();
    const stored = await readFile(path.join(server.dataDir, "maca.json"), "utf8");
    await server.restart();
    expect(stored).toMatch(/\$argon2id\$v=19\$/);
    expect(stored).not.toContain("a sensible long phrase");
  });

  test("changing a password needs the current one, ends other sessions, and the new one works", async () => {
    const person = await addPerson(server.url, server.admin, { name: "Changer" });
    const mine = await signIn(server.url, person.email, person.password);
    const elsewhere = await signIn(server.url, person.email, person.password);
    const me = api(server.url, mine);

    const wrong = await me.call("POST", "/api/session/password", {
      currentPassword: "not it at all",
      newPassword: "a brand new passphrase",
    });
    expect(wrong.status).toBe(400);
    const changed = await me.call("POST", "/api/session/password", {
      currentPassword: person.password,
      newPassword: "a brand new passphrase",
    });
    expect(changed.status).toBe(204);

    expect((await me.get("/api/session")).status).toBe(200);
    expect((await api(server.url, elsewhere).get("/api/session")).status).toBe(401);
    expect((await postSession({ email: person.email, password: person.password })).status).toBe(401);
    expect((await postSession({ email: person.email, password: "a brand new passphrase" })).status).toBe(200);
  });
});

describe("access tokens", () => {
  test("are shown once, stored only as a hash, listed without the secret, and cannot mint more tokens", async () => {
    const person = await addPerson(server.url, server.admin, { name: "Scripter" });
    const session = await signIn(server.url, person.email, person.password);
    const created = await api(server.url, session).call("POST", "/api/tokens", { name: "nightly export" });
    expect(created.status).toBe(201);
    const { token, id } = created.body as { token: string; id: string };
    expect(token).toMatch(/^maca_/);

    const listed = await api(server.url, session).get("/api/tokens");
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(listed.body).toEqual(expect.arrayContaining([expect.objectContaining({ id, name: "nightly export" })]));
    expect((await api(server.url, { token }).call("POST", "/api/tokens", { name: "another" })).status).toBe(403);
    expect((await api(server.url, { token }).get("/api/session")).status).toBe(200);
    expect((await api(server.url, { token: "maca_not-a-real-token" }).get("/api/session")).status).toBe(401);
    expect((await api(server.url, { token: "x".repeat(5000) }).get("/api/session")).status).toBe(401);

    await server.stop();
    const stored = await readFile(path.join(server.dataDir, "maca.json"), "utf8");
    await server.restart();
    expect(stored).not.toContain(token);
  });
});
