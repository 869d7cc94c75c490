/**
 * Review by agencies that were not in the room: any member records "read and acknowledged" for
 * the agency of their membership, or adds a dated addendum. Neither changes the snapshot.
 */
import { Router } from "express";
import { newId } from "../../../shared/board/index.ts";
import type { Acknowledgement, Addendum } from "../../../shared/domain/snapshot.ts";
import { AddendumInput, SnapshotParams } from "../../../shared/validation/snapshot.ts";
import { requireAuditAccess } from "../../auth/access.ts";
import { requireSnapshot, signerOf } from "../../domain/snapshots.ts";
import type { Services } from "../../services.ts";
import { actorOf } from "../../trail/auditTrail.ts";
import { principalOf } from "../middleware/auth.ts";
import { handle, parseOr400 } from "../middleware/validate.ts";

export function reviewRoutes({ store, trail }: Services): Router {
  const router = Router();

  router.post(
    "/audits/:id/snapshots/:sid/acknowledgements",
    handle(async (req, res) => {
      const { id, sid } = parseOr400(SnapshotParams, req.params, "ids");
      const user = principalOf(res).user;
      // "read" means a member, so there is an agency to acknowledge for.
      const { member } = await requireAuditAccess(store, user, id, "read");
      await requireSnapshot(store, id, sid);
      const agency = (member ?? user).agency;
      const ack: Acknowledgement = { snapshotId: sid, agency: agency.id, by: signerOf(user, member), at: new Date().toISOString() };
      const kept = await store.snapshots.acknowledge(id, ack);
      if (kept.created) {
        await trail.record({
          type: "snapshot-acknowledged",
          ...actorOf(user),
          auditId: id,
          detail: { snapshotId: sid, agency: agency.name },
        });
      }
      // Acknowledging twice is harmless: the first acknowledgement stands.
      res.status(kept.created ? 201 : 200).json(kept.ack);
    }),
  );

  router.post(
    "/audits/:id/snapshots/:sid/addenda",
    handle(async (req, res) => {
      const { id, sid } = parseOr400(SnapshotParams, req.params, "ids");
      const user = principalOf(res).user;
      const { member } = await requireAuditAccess(store, user, id, "read");
      await requireSnapshot(store, id, sid);
      const { text } = parseOr400(AddendumInput, req.body, "addendum");
      const addendum: Addendum = { id: newId(), snapshotId: sid, by: signerOf(user, member), at: new Date().toISOString(), text };
      await store.snapshots.addAddendum(id, addendum);
      await trail.record({
        type: "addendum-added",
        ...actorOf(user),
        auditId: id,
        detail: { snapshotId: sid, addendumId: addendum.id, chars: text.length },
      });
      res.status(201).json(addendum);
    }),
  );

  return router;
}
