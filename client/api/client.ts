/** Typed REST client: one function per endpoint. Errors carry the server's message. */
import type { Agency } from "../../shared/domain/agencies.ts";
import type { AuditMeta } from "../../shared/domain/audit.ts";
import type { CreateAuditInput } from "../../shared/validation/audit.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new ApiError(response.status, data.error ?? `Request failed (${response.status})`);
  return data as T;
}

export const api = {
  agencies: () => request<Agency[]>("GET", "/agencies"),
  listAudits: () => request<AuditMeta[]>("GET", "/audits"),
  /** Metadata only: the board itself arrives over the collaboration connection. */
  getAuditMeta: (id: string) => request<AuditMeta>("GET", `/audits/${encodeURIComponent(id)}?board=false`),
  createAudit: (input: CreateAuditInput) => request<AuditMeta>("POST", "/audits", input),
};
