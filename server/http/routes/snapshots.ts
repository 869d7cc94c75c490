/**
 * Snapshots and the freeze. The chair takes snapshots, freezes and reopens; any member reads a
 * snapshot (with its acknowledgements and addenda) and compares two. Every step is in the trail.
 */
import { Router } from "express";
import { AuditParams } from "../../../shared/validation/audit.ts";
import { CreateSnapshotInput, FreezeInput, ReopenInput, SnapshotDiffParams, SnapshotParams } from "../../../shared/validation/snapshot.ts";
import { requireAuditAccess } from "../../auth/access.ts";
import { freezeAudit, reopenAudit } from "../../domain/freeze.ts";
import { diffSnapshots } from "../../domain/snapshotDiff.ts";
import { requireSnapshot, signerOf, takeSnapshot } from "../../domain/snapshots.ts";
import type { Services } from "../../services.ts";
import { actorOf } from "../../trail/auditTrail.ts";
import { principalOf } from "../middleware/auth.ts";
import { handle, parseOr400 } from "../middleware/validate.ts";

export function snapshotRoutes(services: Services): Router {
  const { store, trail } = services;
  const router = Router();

  router.post(
    "/audits/:id/snapshots",
    handle(async (req, res) => {
      const { id } = parseOr400(AuditParams, req.params, "audit id");
      const user = principalOf(res).user;
      const { audit, member } = await requireAuditAccess(store, user, id, "chair");
      const { name } = parseOr400(CreateSnapshotInput, req.body, "snapshot");
      const snapshot = await takeSnapshot(services, audit, signerOf(user, member), name);
      await trail.record({
        type: "snapshot-taken",
        ...actorOf(user),
        auditId: id,
        detail: { snapshotId: snapshot.id, name, sha256: snapshot.sha256 },
      });
      res.status(201).json({ id: snapshot.id, sha256: snapshot.sha256 });
    }),
  );

  router.get(
    "/audits/:id/snapshots",
    handle(async (req, res) => {
      const { id } = parseOr400(AuditParams, req.params, "audit id");
      await requireAuditAccess(store, principalOf(res).user, id, "read");
      res.json(await store.snapshots.list(id));
    }),
  );

  router.post(
    "/audits/:id/freeze",
    handle(async (req, res) => {
      const { id } = parseOr400(AuditParams, req.params, "audit id");
      const user = principalOf(res).user;
      const { audit, member } = await requireAuditAccess(store, user, id, "chair");
      parseOr400(FreezeInput, req.body, "freeze");
      const snapshot = await freezeAudit(services, audit, signerOf(user, member));
      await trail.record({
        type: "audit-frozen",
        ...actorOf(user),
        auditId: id,
        detail: { snapshotId: snapshot.id, sha256: snapshot.sha256 },
      });
      res.status(201).json({ snapshotId: snapshot.id, sha256: snapshot.sha256 });
    }),
  );

  router.post(
    "/audits/:id/reopen",
    handle(async (req, res) => {
      const { id } = parseOr400(AuditParams, req.params, "audit id");
      const user = principalOf(res).user;
      const { member } = await requireAuditAccess(store, user, id, "chair");
      const { reason } = parseOr400(ReopenInput, req.body, "reopening");
      const state = await reopenAudit(services, id, signerOf(user, member), reason);
      await trail.record({ type: "audit-reopened", ...actorOf(user), auditId: id, detail: { reason } });
      res.json(state);
    }),
  );

  router.get(
    "/audits/:id/snapshots/:sid",
    handle(async (req, res) => {
      const { id, sid } = parseOr400(SnapshotParams, req.params, "ids");
      const user = principalOf(res).user;
      await requireAuditAccess(store, user, id, "read");
      const snapshot = await requireSnapshot(store, id, sid);
      const [acknowledgements, addenda] = await Promise.all([store.snapshots.acknowledgements(id, sid), store.snapshots.addenda(id, sid)]);
      await trail.record({ type: "snapshot-viewed", ...actorOf(user), auditId: id, detail: { snapshotId: sid } });
      res.json({ ...snapshot, acknowledgements, addenda });
    }),
  );

  router.get(
    "/audits/:id/snapshots/:a/diff/:b",
    handle(async (req, res) => {
      const { id, a, b } = parseOr400(SnapshotDiffParams, req.params, "ids");
      const user = principalOf(res).user;
      await requireAuditAccess(store, user, id, "read");
      const [from, to] = await Promise.all([requireSnapshot(store, id, a), requireSnapshot(store, id, b)]);
      await trail.record({ type: "snapshot-viewed", ...actorOf(user), auditId: id, detail: { snapshotId: a, comparedWith: b } });
      res.json(diffSnapshots(from, to));
    }),
  );

  return router;
}
