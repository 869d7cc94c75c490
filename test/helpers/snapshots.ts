/** Typed helpers for snapshots, the freeze, review and the action plan API (fetch, JSON in and out). */
import { createHash } from "node:crypto";
import type { ActionView } from "../../shared/domain/actions.ts";
import type { BoardJson } from "../../shared/domain/board.ts";
import { canonicalJson } from "../../shared/domain/canonical.ts";
import type {
  Acknowledgement,
  Addendum,
  FreezeState,
  SnapshotContent,
  SnapshotDiff,
  SnapshotJson,
  SnapshotMeta,
} from "../../shared/domain/snapshot.ts";
import { type ApiResponse, api } from "./api.ts";
import type { Credentials } from "./people.ts";

export type SnapshotWithReview = SnapshotJson & { acknowledgements: Acknowledgement[]; addenda: Addendum[] };

/** A REST client for the snapshot, freeze, review and action routes, acting as `credentials`. */
export function reviewApi(baseUrl: string, credentials?: Credentials) {
  const http = api(baseUrl, credentials);
  const audit = (auditId: string) => `/api/audits/${encodeURIComponent(auditId)}`;
  const call = <T>(method: string, path: string, body?: unknown) => http.call(method, path, body) as Promise<ApiResponse<T>>;
  return {
    takeSnapshot: (auditId: string, name: string) => call<{ id: string; sha256: string }>("POST", `${audit(auditId)}/snapshots`, { name }),
    listSnapshots: (auditId: string) => call<SnapshotMeta[]>("GET", `${audit(auditId)}/snapshots`),
    getSnapshot: (auditId: string, snapshotId: string) => call<SnapshotWithReview>("GET", `${audit(auditId)}/snapshots/${snapshotId}`),
    freeze: (auditId: string) => call<{ snapshotId: string; sha256: string }>("POST", `${audit(auditId)}/freeze`),
    reopen: (auditId: string, body: unknown) => call<FreezeState>("POST", `${audit(auditId)}/reopen`, body),
    acknowledge: (auditId: string, snapshotId: string) =>
      call<Acknowledgement>("POST", `${audit(auditId)}/snapshots/${snapshotId}/acknowledgements`),
    addAddendum: (auditId: string, snapshotId: string, text: unknown) =>
      call<Addendum>("POST", `${audit(auditId)}/snapshots/${snapshotId}/addenda`, { text }),
    diff: (auditId: string, from: string, to: string) => call<SnapshotDiff>("GET", `${audit(auditId)}/snapshots/${from}/diff/${to}`),
    actions: (auditId: string, query = "") => call<ActionView[]>("GET", `${audit(auditId)}/actions${query}`),
    patchAction: (auditId: string, actionId: string, body: unknown) =>
      call<ActionView>("PATCH", `${audit(auditId)}/actions/${actionId}`, body),
  };
}

export type ReviewApi = ReturnType<typeof reviewApi>;

/** What anyone can recompute from a snapshot's JSON: SHA-256 (hex) of its canonical content. */
export function recomputeHash(content: SnapshotContent): string {
  return createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}

/** A board without its rich-text fields: what readBoard() gives without `{rich: true}`. */
export function plainBoard(board: BoardJson): BoardJson {
  const { sectionBodies: _, ...rest } = board;
  return {
    ...rest,
    cases: board.cases.map(({ notesBody: _n, ...c }) => ({
      ...c,
      columns: {
        workingWell: c.columns.workingWell.map(({ body: _b, ...card }) => card),
        worried: c.columns.worried.map(({ body: _b, ...card }) => card),
        needsToHappen: c.columns.needsToHappen.map(({ body: _b, ...card }) => card),
      },
    })),
  };
}
