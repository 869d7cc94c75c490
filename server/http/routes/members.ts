/** Membership of one audit: any member may see who takes part; the chair or an admin changes it. */
import { Router } from "express";
import { AddMemberInput, MemberParams } from "../../../shared/validation/account.ts";
import { AuditParams } from "../../../shared/validation/audit.ts";
import { requireAuditAccess } from "../../auth/access.ts";
import { listMemberViews, putMember, removeMember } from "../../domain/members.ts";
import type { Services } from "../../services.ts";
import { actorOf } from "../../trail/auditTrail.ts";
import { principalOf } from "../middleware/auth.ts";
import { handle, parseOr400 } from "../middleware/validate.ts";

export function memberRoutes({ store, trail, live }: Services): Router {
  const router = Router();

  router.get(
    "/audits/:id/members",
    handle(async (req, res) => {
      const { id } = parseOr400(AuditParams, req.params, "audit id");
      await requireAuditAccess(store, principalOf(res).user, id, "meta");
      res.json(await listMemberViews(store, id));
    }),
  );

  router.post(
    "/audits/:id/members",
    handle(async (req, res) => {
      const { id } = parseOr400(AuditParams, req.params, "audit id");
      const user = principalOf(res).user;
      const { audit } = await requireAuditAccess(store, user, id, "manage");
      const input = parseOr400(AddMemberInput, req.body, "member");
      const { member, created } = await putMember(store, audit, input);
      await live.applyMembership(id, member.userId);
      await trail.record({
        type: created ? "member-added" : "member-changed",
        ...actorOf(user),
        auditId: id,
        detail: { member: input.email, role: member.role, agency: member.agency.name },
      });
      res.status(created ? 201 : 200).json({ userId: member.userId, role: member.role, agency: member.agency });
    }),
  );

  router.delete(
    "/audits/:id/members/:userId",
    handle(async (req, res) => {
      const { id, userId } = parseOr400(MemberParams, req.params, "ids");
      const user = principalOf(res).user;
      await requireAuditAccess(store, user, id, "manage");
      const removed = await removeMember(store, id, userId);
      await live.applyMembership(id, userId);
      await trail.record({ type: "member-removed", ...actorOf(user), auditId: id, detail: { member: removed.userId, role: removed.role } });
      res.status(204).end();
    }),
  );

  return router;
}
