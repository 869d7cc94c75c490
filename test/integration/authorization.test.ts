/**
 * Authorisation matrix: every REST route and the board WebSocket × six principals (anonymous,
 * signed-in non-member, observer, attendee, non-admin chair, admin who is not a member), one test
 * per cell, data in authorization.matrix.ts. Then a cookie-session subset for CSRF. Every
 * mismatch is collected; the last test prints them all as one table.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AuditView } from "../../shared/domain/audit.ts";
import { addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { connectBoard } from "../helpers/board.ts";
import { addPerson, type Credentials, signIn } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import {
  COOKIE_PRINCIPALS,
  COOKIE_ROWS,
  type Fixture,
  type Outcome,
  PRINCIPALS,
  type PrincipalName,
  ROWS,
  type Row,
  type SignedIn,
} from "./authorization.matrix.ts";
import { REVIEW_ROWS } from "./authorization.reviewRows.ts";

interface Surprise {
  principal: string;
  request: string;
  expected: Outcome;
  actual: Outcome | string;
}

let server: TestServer;
let f: Fixture;
const surprises: Surprise[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const owner = server.admin;
  const http = api(server.url, owner);
  const audit = await createAuditOk(http, { title: "Matrix audit" });
  const other = await createAuditOk(http, { title: "Somebody else's audit" });
  const caseId = await addCaseOk(http, audit.id, { label: "Case 1" });
  const add = (name: string, extra: { role?: "observer" | "attendee" | "chair"; admin?: boolean } = {}) =>
    addPerson(server.url, owner, { name, admin: extra.admin, ...(extra.role ? { auditId: audit.id, role: extra.role } : {}) });
  const [nonMember, observer, attendee, chair, admin, spare, victim] = await Promise.all([
    add("Nora Nonmember"),
    add("Olive Observer", { role: "observer" }),
    add("Adam Attendee", { role: "attendee" }),
    add("Chloe Chair", { role: "chair" }),
    add("Second Admin", { admin: true }),
    add("Spare Person"),
    add("Victor Victim"),
  ]);
  const victimTokens = await api(server.url, victim.credentials).get("/api/tokens");
  const [victimToken] = victimTokens.body as { id: string }[];
  f = {
    url: server.url,
    wsUrl: server.wsUrl,
    owner,
    auditId: audit.id,
    otherAuditId: other.id,
    caseId,
    people: { nonMember, observer, attendee, chair, admin },
    spare,
    victim,
    victimTokenId: victimToken.id,
  };
});

afterAll(async () => {
  await server?.cleanup();
});

function credentialsOf(who: PrincipalName): Credentials | undefined {
  return who === "anonymous" ? undefined : f.people[who].credentials;
}

async function openBoard(auditId: string, credentials: Credentials | undefined): Promise<Outcome | string> {
  try {
    const connection = await connectBoard(f.wsUrl, auditId, credentials ?? {}, { timeoutMs: 5_000 });
    connection.destroy();
    return "connected";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return /refused/.test(message) ? "refused" : `error: ${message}`;
  }
}

/** Compares and remembers; the per-cell assertion names the request so a failure reads alone. */
function check(principal: string, request: string, expected: Outcome, actual: Outcome | string, detail = ""): void {
  if (actual !== expected) surprises.push({ principal, request, expected, actual });
  expect(actual, `${principal}: ${request} ${detail}`).toBe(expected);
}

describe("what each principal sees in GET /api/audits", () => {
  const ids = async (credentials: Credentials) => ((await api(f.url, credentials).listAudits()).body as AuditView[]).map((a) => a.id);

  test("a non-member sees no audit; members see only theirs, with their role", async () => {
    expect(await ids(f.people.nonMember.credentials)).toEqual([]);
    for (const role of ["observer", "attendee", "chair"] as const) {
      const list = (await api(f.url, f.people[role].credentials).listAudits()).body as AuditView[];
      expect(list.map((a) => [a.id, a.access.role])).toEqual([[f.auditId, role]]);
    }
  });

  test("an admin sees every audit, as a non-member who manages but cannot edit", async () => {
    const list = (await api(f.url, f.people.admin.credentials).listAudits()).body as AuditView[];
    expect(list.map((a) => a.id).sort()).toEqual((await ids(f.owner)).sort());
    expect(list.map((a) => a.id)).toEqual(expect.arrayContaining([f.auditId, f.otherAuditId]));
    const view = (await api(f.url, f.people.admin.credentials).get(`/api/audits/${f.auditId}?board=false`)).body as AuditView;
    expect(view.access).toEqual({ role: null, agency: null, canEdit: false, canManageMembers: true, canViewTrail: true });
  });

  test("a non-member cannot tell an audit that exists from one that does not", async () => {
    const http = api(f.url, f.people.nonMember.credentials);
    const real = (await http.get(`/api/audits/${f.auditId}`)).body as { error: string };
    const none = (await http.get("/api/audits/no-such-audit")).body as { error: string };
    expect(real.error.replace(f.auditId, "ID")).toBe(none.error.replace("no-such-audit", "ID"));
  });
});

const cells = [...ROWS, ...REVIEW_ROWS].flatMap((row: Row) =>
  PRINCIPALS.map((who) => ({ row, who, expected: row.expect[who], title: `${row.method} ${row.route} as ${who} → ${row.expect[who]}` })),
);

describe("the matrix (bearer tokens)", () => {
  test.each(cells)("$title", async ({ row, who, expected }) => {
    const request = await row.request(f, who);
    const credentials = credentialsOf(who);
    let actual: Outcome | string;
    let detail = "";
    if (row.method === "WS") {
      actual = await openBoard(request.path, credentials);
    } else {
      const response = await api(f.url, credentials).call(row.method, request.path, request.body);
      actual = response.status;
      detail = JSON.stringify(response.body).slice(0, 200);
      if (response.status < 300) row.after?.(f, who, request);
    }
    check(who, `${row.method} ${row.route}`, expected, actual, detail);
  });

  test("each lists only their own tokens, and nobody but its owner could revoke the victim's", async () => {
    expect((await api(f.url, f.victim.credentials).get("/api/session")).status).toBe(200);
    const victimList = (await api(f.url, f.victim.credentials).get("/api/tokens")).body as { id: string }[];
    expect(victimList.map((t) => t.id)).toContain(f.victimTokenId);
    for (const who of ["nonMember", "observer", "attendee", "chair", "admin"] as const) {
      const list = (await api(f.url, f.people[who].credentials).get("/api/tokens")).body as { id: string }[];
      expect(list.length, who).toBeGreaterThan(0);
      expect(
        list.map((t) => t.id),
        who,
      ).not.toContain(f.victimTokenId);
    }
  });
});

describe("cookie sessions and CSRF", () => {
  const sessions = new Map<SignedIn, Credentials>();

  beforeAll(async () => {
    for (const who of COOKIE_PRINCIPALS) {
      const { cookie, csrfToken } = await signIn(f.url, f.people[who].email, f.people[who].password);
      sessions.set(who, { cookie, csrfToken });
    }
  });

  const session = (who: SignedIn): Credentials => sessions.get(who) as Credentials;

  test("a GET with the cookie alone works, and the session hands back its CSRF token", async () => {
    const response = await api(f.url, { cookie: session("attendee").cookie }).get("/api/session");
    expect(response.status).toBe(200);
    expect((response.body as { csrfToken: string }).csrfToken).toBe(session("attendee").csrfToken);
  });

  test("another session's CSRF token is refused", async () => {
    const forged = { cookie: session("attendee").cookie, csrfToken: session("chair").csrfToken };
    const response = await api(f.url, forged).postJson(`/api/audits/${f.auditId}/cases`, { label: "Forged" });
    check("attendee (cookie)", "POST /api/audits/:id/cases with another session's CSRF token", 403, response.status);
  });

  test("a bearer call needs no CSRF token", async () => {
    const response = await api(f.url, f.people.attendee.credentials).postJson(`/api/audits/${f.auditId}/cases`, { label: "Token" });
    check("attendee (token)", "POST /api/audits/:id/cases without X-CSRF-Token", 201, response.status);
  });

  test("a wrong bearer token does not fall back to the cookie", async () => {
    const response = await fetch(`${f.url}/api/session`, {
      headers: { cookie: session("attendee").cookie ?? "", authorization: "Bearer maca_not-a-real-token" },
    });
    check("attendee (cookie + bad token)", "GET /api/session", 401, response.status);
  });

  test("the board opens with the cookie for a member, not for a non-member or a foreign page", async () => {
    check("attendee (cookie)", "WS /collab", "connected", await openBoard(f.auditId, { cookie: session("attendee").cookie }));
    check("nonMember (cookie)", "WS /collab", "refused", await openBoard(f.auditId, { cookie: session("nonMember").cookie }));
    const foreign = connectBoard(
      f.wsUrl,
      f.auditId,
      { cookie: session("attendee").cookie },
      { timeoutMs: 3_000, origin: "https://evil.example" },
    );
    await expect(foreign).rejects.toThrow(/did not sync/);
  });

  const cookieCells = COOKIE_ROWS.flatMap((row) =>
    COOKIE_PRINCIPALS.flatMap((who, i) =>
      [false, true].map((csrf) => {
        const expected = csrf ? row.withCsrf[i] : 403;
        return {
          row,
          who,
          csrf,
          expected,
          title: `${row.method} ${row.route} as ${who} by cookie, ${csrf ? "with" : "without"} CSRF → ${expected}`,
        };
      }),
    ),
  );

  test.each(cookieCells)("$title", async ({ row, who, csrf, expected }) => {
    const request = await row.request(f);
    const { cookie, csrfToken } = session(who);
    const response = await api(f.url, csrf ? { cookie, csrfToken } : { cookie }).call(row.method, request.path, request.body);
    check(`${who} (cookie)`, `${row.method} ${row.route} ${csrf ? "with" : "without"} CSRF`, expected, response.status);
  });
});

describe("summary", () => {
  test("no surprises", () => {
    const table = surprises.map((s) => `${s.principal.padEnd(28)} ${s.request.padEnd(60)} expected ${s.expected}, got ${s.actual}`);
    if (surprises.length > 0) console.log(`Authorisation surprises:\n${table.join("\n")}`);
    expect(surprises, table.join("\n")).toHaveLength(0);
  });
});
