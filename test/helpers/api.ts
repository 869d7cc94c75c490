/** Tiny typed helpers around the public REST API (fetch, JSON in and out). */
import type { Agency } from "../../shared/domain/agencies.ts";
import type { AuditMeta, AuditView, AuditWithBoard } from "../../shared/domain/audit.ts";
import type { CreateAuditInput, CreateCardInput, CreateCaseInput } from "../../shared/validation/audit.ts";
import { authHeaders, type Credentials } from "./people.ts";

export interface ApiResponse<T> {
  status: number;
  contentType: string;
  /** Parsed JSON, or the raw text when the response was not JSON. */
  body: T;
}

/** What every 4xx/5xx answer of the API carries. */
export interface ApiError {
  error: string;
}

export interface RawRequest {
  method?: string;
  /** Sent as is (not JSON-encoded). */
  body?: string;
  /** Defaults to application/json when a body is given; null sends none (fetch then says text/plain). */
  contentType?: string | null;
}

async function send<T>(url: string, init: RequestInit): Promise<ApiResponse<T>> {
  const response = await fetch(url, init);
  const contentType = response.headers.get("content-type") ?? "";
  const text = await response.text();
  const body = (contentType.includes("json") && text.length > 0 ? JSON.parse(text) : text) as T;
  return { status: response.status, contentType, body };
}

/** A REST client acting as `credentials` (anonymous when left out). */
export function api(baseUrl: string, credentials?: Credentials) {
  const at = (path: string) => `${baseUrl}${path}`;
  const json = <T>(method: string, path: string, payload?: unknown) =>
    send<T>(at(path), {
      method,
      headers: { ...authHeaders(credentials, method), ...(payload === undefined ? {} : { "content-type": "application/json" }) },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });

  return {
    health: () => json<{ ok: boolean }>("GET", "/api/health"),
    agencies: () => json<Agency[]>("GET", "/api/agencies"),
    listAudits: () => json<AuditView[]>("GET", "/api/audits"),
    createAudit: (input: CreateAuditInput) => json<AuditMeta>("POST", "/api/audits", input),
    getAudit: (auditId: string) => json<AuditWithBoard>("GET", `/api/audits/${encodeURIComponent(auditId)}`),
    addCase: (auditId: string, input: CreateCaseInput) =>
      json<{ id: string }>("POST", `/api/audits/${encodeURIComponent(auditId)}/cases`, input),
    addCard: (auditId: string, caseId: string, input: CreateCardInput) =>
      json<{ id: string }>("POST", `/api/audits/${encodeURIComponent(auditId)}/cases/${encodeURIComponent(caseId)}/cards`, input),
    /** Any JSON value as the body, including ones the types forbid (extra fields, wrong types). */
    postJson: (path: string, payload: unknown) => json<unknown>("POST", path, payload),
    /** A request with a string body sent verbatim (malformed JSON, wrong content type...). */
    raw: (path: string, request: RawRequest = {}) => {
      const headers: Record<string, string> = authHeaders(credentials, request.method ?? "POST");
      const contentType = request.contentType === undefined ? "application/json" : request.contentType;
      if (request.body !== undefined && contentType !== null) headers["content-type"] = contentType;
      return send<unknown>(at(path), { method: request.method ?? "POST", headers, body: request.body });
    },
    get: (path: string) => json<unknown>("GET", path),
    /** Any method, any JSON body (or none). */
    call: (method: string, path: string, payload?: unknown) => json<unknown>(method, path, payload),
  };
}

export type Api = ReturnType<typeof api>;

/** Creates an audit (default agencies) and fails loudly if the API refuses. */
export async function createAuditOk(http: Api, input: Partial<CreateAuditInput> = {}): Promise<AuditMeta> {
  const response = await http.createAudit({ title: "Test audit", theme: "Neglect", ...input });
  if (response.status !== 201) throw new Error(`createAudit answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function addCaseOk(http: Api, auditId: string, input: CreateCaseInput): Promise<string> {
  const response = await http.addCase(auditId, input);
  if (response.status !== 201) throw new Error(`addCase answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.id;
}

export async function addCardOk(http: Api, auditId: string, caseId: string, input: CreateCardInput): Promise<string> {
  const response = await http.addCard(auditId, caseId, input);
  if (response.status !== 201) throw new Error(`addCard answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.id;
}
