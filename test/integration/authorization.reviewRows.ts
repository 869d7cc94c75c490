/**
 * Matrix rows for the outputs of an audit: snapshots, their exports, review by absent agencies,
 * the diff and the action plan. Reading needs membership (an admin who is not a member gets
 * 403, as for the board); taking a snapshot needs the chair; acting on an action needs edit
 * access before the freeze. Freeze and reopen would change the shared audit for every later
 * cell, so their authorisation is tested in freeze.test.ts instead.
 */
import { setAction } from "../../shared/board/index.ts";
import { api } from "../helpers/api.ts";
import { connectBoard } from "../helpers/board.ts";
import { by, type Fixture, get, type Row } from "./authorization.matrix.ts";

async function snapshotOf(f: Fixture, name = "matrix snapshot"): Promise<string> {
  const response = await api(f.url, f.owner).postJson(`/api/audits/${f.auditId}/snapshots`, { name });
  if (response.status !== 201) throw new Error(`snapshot answered ${response.status}`);
  return (response.body as { id: string }).id;
}

let shared: Promise<string> | undefined;
/** One snapshot for the read-only cells (they do not change it). */
const sharedSnapshot = (f: Fixture) => {
  shared ??= snapshotOf(f, "matrix reading");
  return shared;
};

/** A fresh card made into an action on the board (actions are made there, not over REST). */
async function actionOf(f: Fixture): Promise<string> {
  const owner = await connectBoard(f.wsUrl, f.auditId, f.owner);
  try {
    const id = owner.board.addCard(f.caseId, "needsToHappen", "Matrix action");
    setAction(owner.doc, id, { ownerAgency: "police" });
    await owner.board.flushed();
    return id;
  } finally {
    owner.destroy();
  }
}

const read = by(401, 404, 200, 200, 200, 403);

export const REVIEW_ROWS: Row[] = [
  {
    method: "POST",
    route: "/api/audits/:id/snapshots",
    request: (f) => ({ path: `/api/audits/${f.auditId}/snapshots`, body: { name: "by the matrix" } }),
    expect: by(401, 404, 403, 403, 201, 403),
  },
  get("/api/audits/:id/snapshots", (f) => `/api/audits/${f.auditId}/snapshots`, read),
  ...(["", "/summary.html", "/summary.md", "/summary.docx"] as const).map((suffix) => ({
    method: "GET" as const,
    route: `/api/audits/:id/snapshots/:sid${suffix}`,
    request: async (f: Fixture) => ({ path: `/api/audits/${f.auditId}/snapshots/${await sharedSnapshot(f)}${suffix}` }),
    expect: read,
  })),
  {
    method: "GET",
    route: "/api/audits/:id/snapshots/:a/diff/:b",
    request: async (f) => ({ path: `/api/audits/${f.auditId}/snapshots/${await sharedSnapshot(f)}/diff/${await snapshotOf(f)}` }),
    expect: read,
  },
  {
    method: "POST",
    route: "/api/audits/:id/snapshots/:sid/acknowledgements",
    request: async (f) => ({ path: `/api/audits/${f.auditId}/snapshots/${await snapshotOf(f)}/acknowledgements`, body: {} }),
    expect: by(401, 404, 201, 201, 201, 403),
  },
  {
    method: "POST",
    route: "/api/audits/:id/snapshots/:sid/addenda",
    request: async (f) => ({
      path: `/api/audits/${f.auditId}/snapshots/${await sharedSnapshot(f)}/addenda`,
      body: { text: "Matrix addendum" },
    }),
    expect: by(401, 404, 201, 201, 201, 403),
  },
  get(
    "/api/audits/:id/snapshots/:sid (other audit)",
    (f) => `/api/audits/${f.otherAuditId}/snapshots/nosuchsnapshot`,
    by(401, 404, 404, 404, 404, 403),
  ),
  get("/api/audits/:id/actions", (f) => `/api/audits/${f.auditId}/actions`, read),
  get("/api/audits/:id/actions.csv", (f) => `/api/audits/${f.auditId}/actions.csv`, read),
  {
    method: "PATCH",
    route: "/api/audits/:id/actions/:actionId (before the freeze)",
    request: async (f) => ({ path: `/api/audits/${f.auditId}/actions/${await actionOf(f)}`, body: { status: "in-progress" } }),
    expect: by(401, 404, 403, 200, 200, 403),
  },
];
