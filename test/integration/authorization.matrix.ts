/**
 * The authorisation matrix as data: every REST route and the board WebSocket, and what each of
 * six principals must get. Rules (server/auth/access.ts): anonymous → 401; a signed-in person
 * who is neither member nor admin learns nothing about an audit (404); observers read, attendees
 * edit the board, the chair manages members and reads the audit's trail; an admin who is not a
 * member sees metadata, members and the trail but not the board.
 */
import type { UserView } from "../../shared/domain/account.ts";
import { api } from "../helpers/api.ts";
import { authHeaders, type Credentials, type Person, signIn } from "../helpers/people.ts";

export const PRINCIPALS = ["anonymous", "nonMember", "observer", "attendee", "chair", "admin"] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];
export type SignedIn = Exclude<PrincipalName, "anonymous">;

/** An HTTP status, or the outcome of opening the audit's board over WebSocket. */
export type Outcome = number | "connected" | "refused";

export interface Fixture {
  url: string;
  wsUrl: string;
  /** TEST_ADMIN: chair of both audits, makes the fresh objects cells need. */
  owner: Credentials;
  auditId: string;
  /** An audit none of the principals but the admin can see. */
  otherAuditId: string;
  caseId: string;
  people: Record<SignedIn, Person>;
  /** Signs in for the anonymous "sign in" cell. */
  spare: Person;
  /** Someone else, and their token, which nobody but they may revoke. */
  victim: Person;
  victimTokenId: string;
}

export interface CellRequest {
  path: string;
  body?: unknown;
}

export interface Row {
  method: "GET" | "POST" | "PATCH" | "DELETE" | "WS";
  /** The route as documented (":id" etc. left symbolic). */
  route: string;
  /** The concrete request for one principal; may create fresh objects so cells never interfere. */
  request: (f: Fixture, who: PrincipalName) => CellRequest | Promise<CellRequest>;
  /** Called after a cell that succeeded (2xx), e.g. to remember a changed password. */
  after?: (f: Fixture, who: PrincipalName, request: CellRequest) => void;
  expect: Record<PrincipalName, Outcome>;
}

/** Expected outcomes in PRINCIPALS order: anonymous, nonMember, observer, attendee, chair, admin. */
export function by(...outcomes: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]): Record<PrincipalName, Outcome> {
  return Object.fromEntries(PRINCIPALS.map((who, i) => [who, outcomes[i]])) as Record<PrincipalName, Outcome>;
}

let serial = 0;
const unique = (stem: string) => `${stem}.${process.pid}.${++serial}`;

/** A fresh account (made by TEST_ADMIN) that belongs to no audit. */
export async function newAccount(f: Fixture): Promise<UserView> {
  const email = `${unique("fresh")}@test.invalid`;
  const response = await api(f.url, f.owner).postJson("/api/users", {
    email,
    name: "Fresh Person",
    password: `fresh password ${serial} long enough`,
    agency: "health-visiting",
  });
  if (response.status !== 201) throw new Error(`creating ${email} answered ${response.status}`);
  return response.body as UserView;
}

/** A fresh observer of the matrix audit, for a cell that removes a member. */
async function newMember(f: Fixture): Promise<UserView> {
  const user = await newAccount(f);
  const response = await api(f.url, f.owner).postJson(`/api/audits/${f.auditId}/members`, { email: user.email, role: "observer" });
  if (response.status !== 201) throw new Error(`adding ${user.email} answered ${response.status}`);
  return user;
}

/** A fresh token of `person`, made the only way allowed: signed in with a cookie. */
export async function newTokenOf(f: Fixture, person: Person): Promise<string> {
  const session = await signIn(f.url, person.email, person.password);
  const response = await fetch(`${f.url}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", ...authHeaders(session, "POST") },
    body: JSON.stringify({ name: unique("matrix") }),
  });
  if (response.status !== 201) throw new Error(`token for ${person.email} answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

const person = (f: Fixture, who: PrincipalName): Person => (who === "anonymous" ? f.spare : f.people[who]);

export const get = (route: string, path: (f: Fixture) => string, expect: Record<PrincipalName, Outcome>): Row => ({
  method: "GET",
  route,
  request: (f) => ({ path: path(f) }),
  expect,
});

export const GLOBAL_ROWS: Row[] = [
  get("/api/health", () => "/api/health", by(200, 200, 200, 200, 200, 200)),
  get("/api/agencies", () => "/api/agencies", by(401, 200, 200, 200, 200, 200)),
  get("/api/no-such-route", () => "/api/no-such-route", by(401, 404, 404, 404, 404, 404)),
  get("/api/session", () => "/api/session", by(401, 200, 200, 200, 200, 200)),
  {
    method: "POST",
    route: "/api/session (sign in with own password)",
    request: (f, who) => ({ path: "/api/session", body: { email: person(f, who).email, password: person(f, who).password } }),
    expect: by(200, 200, 200, 200, 200, 200),
  },
  { method: "DELETE", route: "/api/session", request: () => ({ path: "/api/session" }), expect: by(401, 204, 204, 204, 204, 204) },
  get("/api/users", () => "/api/users", by(401, 403, 403, 403, 403, 200)),
  {
    method: "POST",
    route: "/api/users",
    request: () => ({
      path: "/api/users",
      body: { email: `${unique("new")}@test.invalid`, name: "New Person", password: "a new long password 1", agency: "police" },
    }),
    expect: by(401, 403, 403, 403, 403, 201),
  },
  {
    method: "PATCH",
    route: "/api/users/:id",
    request: async (f) => ({ path: `/api/users/${(await newAccount(f)).id}`, body: { name: "Renamed Person" } }),
    expect: by(401, 403, 403, 403, 403, 200),
  },
  get("/api/tokens", () => "/api/tokens", by(401, 200, 200, 200, 200, 200)),
  {
    // Bearer callers: a token may not mint tokens (the cookie subset shows sessions can).
    method: "POST",
    route: "/api/tokens (with a token)",
    request: () => ({ path: "/api/tokens", body: { name: "minted by a token" } }),
    expect: by(401, 403, 403, 403, 403, 403),
  },
  {
    method: "DELETE",
    route: "/api/tokens/:id (own)",
    request: async (f, who) => ({ path: `/api/tokens/${who === "anonymous" ? f.victimTokenId : await newTokenOf(f, f.people[who])}` }),
    expect: by(401, 204, 204, 204, 204, 204),
  },
  {
    method: "DELETE",
    route: "/api/tokens/:id (someone else's)",
    request: (f) => ({ path: `/api/tokens/${f.victimTokenId}` }),
    expect: by(401, 404, 404, 404, 404, 404),
  },
  get("/api/audit-log", () => "/api/audit-log", by(401, 403, 403, 403, 403, 200)),
  get("/api/audit-log.csv", () => "/api/audit-log.csv", by(401, 403, 403, 403, 403, 200)),
  {
    method: "POST",
    route: "/api/audits",
    request: () => ({ path: "/api/audits", body: { title: "Matrix-made audit", theme: "Neglect" } }),
    expect: by(401, 403, 403, 403, 403, 201),
  },
  get("/api/audits", () => "/api/audits", by(401, 200, 200, 200, 200, 200)),
  {
    // Last of the global rows: it changes the caller's password (kept up to date in the fixture).
    method: "POST",
    route: "/api/session/password",
    request: (f, who) => ({
      path: "/api/session/password",
      body: { currentPassword: person(f, who).password, newPassword: `changed by the matrix ${unique("pw")}` },
    }),
    after: (f, who, request) => {
      person(f, who).password = (request.body as { newPassword: string }).newPassword;
    },
    expect: by(401, 204, 204, 204, 204, 204),
  },
];

export const AUDIT_ROWS: Row[] = [
  get("/api/audits/:id?board=false", (f) => `/api/audits/${f.auditId}?board=false`, by(401, 404, 200, 200, 200, 200)),
  get("/api/audits/:id (with board)", (f) => `/api/audits/${f.auditId}`, by(401, 404, 200, 200, 200, 403)),
  get("/api/audits/:id (no such audit)", () => "/api/audits/no-such-audit", by(401, 404, 404, 404, 404, 404)),
  get("/api/audits/:id/members", (f) => `/api/audits/${f.auditId}/members`, by(401, 404, 200, 200, 200, 200)),
  {
    method: "POST",
    route: "/api/audits/:id/members",
    request: async (f) => ({ path: `/api/audits/${f.auditId}/members`, body: { email: (await newAccount(f)).email, role: "observer" } }),
    expect: by(401, 404, 403, 403, 201, 201),
  },
  {
    method: "DELETE",
    route: "/api/audits/:id/members/:userId",
    request: async (f) => ({ path: `/api/audits/${f.auditId}/members/${(await newMember(f)).id}` }),
    expect: by(401, 404, 403, 403, 204, 204),
  },
  {
    method: "POST",
    route: "/api/audits/:id/cases",
    request: (f) => ({ path: `/api/audits/${f.auditId}/cases`, body: { label: "Matrix case" } }),
    expect: by(401, 404, 403, 201, 201, 403),
  },
  {
    method: "POST",
    route: "/api/audits/:id/cases/:caseId/cards",
    request: (f) => ({ path: `/api/audits/${f.auditId}/cases/${f.caseId}/cards`, body: { column: "worried", text: "Matrix card" } }),
    expect: by(401, 404, 403, 201, 201, 403),
  },
  get("/api/audit-log?auditId=:id", (f) => `/api/audit-log?auditId=${f.auditId}`, by(401, 404, 403, 403, 200, 200)),
  get("/api/audit-log.csv?auditId=:id", (f) => `/api/audit-log.csv?auditId=${f.auditId}`, by(401, 404, 403, 403, 200, 200)),
  get("/api/audit-log?auditId=:other", (f) => `/api/audit-log?auditId=${f.otherAuditId}`, by(401, 404, 404, 404, 404, 200)),
  {
    method: "WS",
    route: "/collab (open the audit's board)",
    request: (f) => ({ path: f.auditId }),
    expect: by("refused", "refused", "connected", "connected", "connected", "refused"),
  },
];

export const ROWS: Row[] = [...GLOBAL_ROWS, ...AUDIT_ROWS];

/** Cookie-session principals and what they get once the CSRF token is sent (without it: 403). */
export const COOKIE_PRINCIPALS = ["nonMember", "observer", "attendee", "chair", "admin"] as const satisfies readonly SignedIn[];

export interface CookieRow {
  method: "POST" | "DELETE";
  route: string;
  request: (f: Fixture) => CellRequest | Promise<CellRequest>;
  /** With the right X-CSRF-Token, in COOKIE_PRINCIPALS order. */
  withCsrf: [number, number, number, number, number];
}

export const COOKIE_ROWS: CookieRow[] = [
  {
    method: "POST",
    route: "/api/audits/:id/cases",
    request: (f) => ({ path: `/api/audits/${f.auditId}/cases`, body: { label: "Cookie case" } }),
    withCsrf: [404, 403, 201, 201, 403],
  },
  {
    method: "POST",
    route: "/api/audits/:id/members",
    request: async (f) => ({ path: `/api/audits/${f.auditId}/members`, body: { email: (await newAccount(f)).email, role: "observer" } }),
    withCsrf: [404, 403, 403, 201, 201],
  },
  {
    method: "POST",
    route: "/api/tokens",
    request: () => ({ path: "/api/tokens", body: { name: "made in a session" } }),
    withCsrf: [201, 201, 201, 201, 201],
  },
  {
    // Last: signing out ends the session the later cells would use.
    method: "DELETE",
    route: "/api/session",
    request: () => ({ path: "/api/session" }),
    withCsrf: [204, 204, 204, 204, 204],
  },
];
