/** Accounts for tests: sign in, make tokens, create people with a role in an audit. */
import type { Role, SessionView, UserView } from "../../shared/domain/account.ts";

/** How a test client proves who it is: a personal access token, or a session cookie with its CSRF token. */
export interface Credentials {
  token?: string;
  cookie?: string;
  csrfToken?: string;
}

export interface Person {
  user: UserView;
  email: string;
  password: string;
  /** A personal access token of this person. */
  credentials: Credentials;
}

/** Headers that carry `credentials` (CSRF only where the method changes state). */
export function authHeaders(credentials: Credentials | undefined, method = "GET"): Record<string, string> {
  if (!credentials) return {};
  if (credentials.token) return { authorization: `Bearer ${credentials.token}` };
  const headers: Record<string, string> = {};
  if (credentials.cookie) headers.cookie = credentials.cookie;
  if (credentials.csrfToken && !["GET", "HEAD"].includes(method)) headers["x-csrf-token"] = credentials.csrfToken;
  return headers;
}

/** Signs in; resolves to the session cookie and CSRF token, or throws with the server's answer. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<Credentials & { user: UserView }> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`);
  const setCookie = response.headers.get("set-cookie") ?? "";
  const body = (await response.json()) as SessionView;
  return { cookie: setCookie.split(";")[0], csrfToken: body.csrfToken, user: body.user };
}

/** Signs in and creates a personal access token. */
export async function tokenFor(baseUrl: string, email: string, password: string): Promise<Credentials & { user: UserView }> {
  const session = await signIn(baseUrl, email, password);
  const response = await fetch(`${baseUrl}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", ...authHeaders(session, "POST") },
    body: JSON.stringify({ name: "test" }),
  });
  if (response.status !== 201) throw new Error(`token for ${email} answered ${response.status}: ${await response.text()}`);
  const { token } = (await response.json()) as { token: string };
  return { token, user: session.user };
}

let counter = 0;

export interface NewPerson {
  name: string;
  /** Agency id or name; Police by default. */
  agency?: string;
  admin?: boolean;
  /** Makes the person a member of this audit with `role` (attendee by default). */
  auditId?: string;
  role?: Role;
}

/** Creates an account (as `admin`), optionally adds it to an audit, and returns it with a token. */
export async function addPerson(baseUrl: string, admin: Credentials, person: NewPerson): Promise<Person> {
  counter += 1;
  const email = `${person.name.toLowerCase().replace(/[^a-z]+/g, ".")}.${process.pid}.${counter}@test.invalid`;
  const password = `plenty long pass ${counter} ${Math.random().toString(36).slice(2)}`;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...authHeaders(admin, "POST") },
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  };
  await post("/api/users", { email, name: person.name, password, agency: person.agency ?? "police", admin: person.admin ?? false });
  if (person.auditId) await post(`/api/audits/${person.auditId}/members`, { email, role: person.role ?? "attendee" });
  const { token, user } = await tokenFor(baseUrl, email, password);
  return { user, email, password, credentials: { token } };
}
