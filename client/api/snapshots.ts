/**
 * REST calls for snapshots, the freeze, review by agencies and the action plan after the freeze,
 * and the addresses of the downloads (plain links: the session cookie goes along).
 */
import type { ActionStatus } from "../../shared/board/index.ts";
import type { ActionView } from "../../shared/domain/actions.ts";
import type { Acknowledgement, Addendum, FreezeState, SnapshotDiff, SnapshotJson, SnapshotMeta } from "../../shared/domain/snapshot.ts";
import { request } from "./http.ts";

const id = encodeURIComponent;
const audit = (auditId: string) => `/audits/${id(auditId)}`;

/** A snapshot as the API sends it: with the acknowledgements and addenda beside it. */
export interface SnapshotWithReview extends SnapshotJson {
  acknowledgements: Acknowledgement[];
  addenda: Addendum[];
}

/** Filters of the action plan as the API takes them (agency: an agency id or name). */
export interface ActionQuery {
  agency?: string;
  status?: ActionStatus;
  overdue?: boolean;
}

export function actionQueryString(query: ActionQuery): string {
  const params = new URLSearchParams();
  if (query.agency) params.set("agency", query.agency);
  if (query.status) params.set("status", query.status);
  if (query.overdue) params.set("overdue", "true");
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const snapshotApi = {
  list: (auditId: string) => request<SnapshotMeta[]>("GET", `${audit(auditId)}/snapshots`),
  take: (auditId: string, name: string) => request<{ id: string; sha256: string }>("POST", `${audit(auditId)}/snapshots`, { name }),
  get: (auditId: string, snapshotId: string) => request<SnapshotWithReview>("GET", `${audit(auditId)}/snapshots/${id(snapshotId)}`),
  diff: (auditId: string, from: string, to: string) =>
    request<SnapshotDiff>("GET", `${audit(auditId)}/snapshots/${id(from)}/diff/${id(to)}`),

  freeze: (auditId: string) => request<{ snapshotId: string; sha256: string }>("POST", `${audit(auditId)}/freeze`),
  reopen: (auditId: string, reason: string) => request<FreezeState>("POST", `${audit(auditId)}/reopen`, { reason }),

  acknowledge: (auditId: string, snapshotId: string) =>
    request<Acknowledgement>("POST", `${audit(auditId)}/snapshots/${id(snapshotId)}/acknowledgements`),
  addAddendum: (auditId: string, snapshotId: string, text: string) =>
    request<Addendum>("POST", `${audit(auditId)}/snapshots/${id(snapshotId)}/addenda`, { text }),

  actions: (auditId: string, query: ActionQuery = {}) =>
    request<ActionView[]>("GET", `${audit(auditId)}/actions${actionQueryString(query)}`),
  updateAction: (auditId: string, actionId: string, change: { status?: ActionStatus; note?: string }) =>
    request<ActionView>("PATCH", `${audit(auditId)}/actions/${id(actionId)}`, change),
};

export type SummaryFormat = "html" | "docx" | "md";

export function summaryUrl(auditId: string, snapshotId: string, format: SummaryFormat): string {
  return `/api${audit(auditId)}/snapshots/${id(snapshotId)}/summary.${format}`;
}

export function actionsCsvUrl(auditId: string, query: ActionQuery = {}): string {
  return `/api${audit(auditId)}/actions.csv${actionQueryString(query)}`;
}
