/**
 * The action plan: any member lists it (filterable by owner agency, status and overdue); before
 * the freeze the chair and attendees change an action's status on the live board, after it the
 * chair and the owner agency record progress beside the frozen copy.
 */
import { Router } from "express";
import { AuditParams } from "../../../shared/validation/audit.ts";
import { ActionParams, ActionPatchInput, ActionsQuery } from "../../../shared/validation/snapshot.ts";
import { requireAuditAccess } from "../../auth/access.ts";
import { listPlan, updateAction } from "../../domain/actionPlan.ts";
import type { Services } from "../../services.ts";
import { actorOf } from "../../trail/auditTrail.ts";
import { principalOf } from "../middleware/auth.ts";
import { handle, parseOr400 } from "../middleware/validate.ts";

export function actionRoutes(services: Services): Router {
  const { store, trail } = services;
  const router = Router();

  router.get(
    "/audits/:id/actions",
    handle(async (req, res) => {
      const { id } = parseOr400(AuditParams, req.params, "audit id");
      const { audit } = await requireAuditAccess(store, principalOf(res).user, id, "read");
      const query = parseOr400(ActionsQuery, req.query, "query");
      res.json(await listPlan(services, audit, query));
    }),
  );

  router.patch(
    "/audits/:id/actions/:actionId",
    handle(async (req, res) => {
      const { id, actionId } = parseOr400(ActionParams, req.params, "ids");
      const user = principalOf(res).user;
      const { audit, member, access } = await requireAuditAccess(store, user, id, "read");
      const input = parseOr400(ActionPatchInput, req.body, "action change");
      const { action, frozen } = await updateAction(services, { audit, member, user, canEdit: access.canEdit }, actionId, input);
      await trail.record({
        type: "action-updated",
        ...actorOf(user),
        auditId: id,
        detail: { actionId, status: action.status, note: input.note !== undefined, afterFreeze: frozen },
      });
      res.json(action);
    }),
  );

  return router;
}
