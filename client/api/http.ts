/**
 * The one place that talks HTTP to the API. It keeps the session's CSRF token in memory (never in
 * storage), sends it on every state-changing call, and reports a 401 to whoever listens (the
 * session, which then sends the person back to sign in).
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Method = "GET" | "POST" | "PATCH" | "DELETE";

let csrfToken: string | undefined;
let onUnauthorized: (() => void) | undefined;

/** Remembers the token POST/GET /api/session returned (undefined after signing out). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called on every 401 answer except where the caller expects one (sign-in, the first session check). */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  /** A 401 is an expected answer here (wrong password, not signed in yet): do not end the session. */
  expect401?: boolean;
}

export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "The server cannot be reached. Check your connection and try again.");
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) {
    if (response.status === 401 && !options.expect401) onUnauthorized?.();
    throw new ApiError(response.status, data.error ?? `Request failed (${response.status})`);
  }
  return data as T;
}

/** The message of anything thrown, for showing to people. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
