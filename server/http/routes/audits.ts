/** Audits, their cases and cards. Handlers parse, check access, call a domain command, and send JSON. */
import { Router } from "express";
import { readBoard } from "../../../shared/board/index.ts";
import type { AuditView, AuditWithBoard } from "../../../shared/domain/audit.ts";
import {
  AuditParams,
  AuditQuery,
  CaseParams,
  CreateAuditInput,
  CreateCardInput,
  CreateCaseInput,
} from "../../../shared/validation/audit.ts";
import { accessFor, requireAuditAccess } from "../../auth/access.ts";
import { readLiveDocument } from "../../collab/liveDocument.ts";
import { addCardToCase, addCaseToAudit, createAudit } from "../../domain/audits.ts";
import type { Services } from "../../services.ts";
import { actorOf } from "../../trail/auditTrail.ts";
import { principalOf, requireAdmin } from "../middleware/auth.ts";
import { handle, parseOr400 } from "../middleware/validate.ts";

export function auditRoutes({ store, hocuspocus, trail }: Services): Router {
  const router = Router();

  router.get(
    "/audits",
    handle(async (_req, res) => {
      const user = principalOf(res).user;
      const memberships = new Map((await store.listMembershipsOf(user.id)).map((m) => [m.auditId, m]));
      const audits = (await store.listAudits()).filter((a) => user.admin || memberships.has(a.id));
      const views: AuditView[] = audits.map((a) => ({ ...a, access: accessFor(user, memberships.get(a.id)) }));
      res.json(views.sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
    }),
  );

  router.post(
    "/audits",
    requireAdmin,
    handle(async (req, res) => {
      const input = parseOr400(CreateAuditInput, req.body, "audit");
      const user = principalOf(res).user;
      const audit = await createAudit(store, input, user);
      await trail.record({ type: "audit-created", ...actorOf(user), auditId: audit.id, detail: { title: audit.title } });
      res.status(201).json(audit);
    }),
  );

  router.get(
    "/audits/:id",
    handle(async (req, res) => {
      const { id } = parseOr400(AuditParams, req.params, "audit id");
      const { board: withBoard } = parseOr400(AuditQuery, req.query, "query");
      const user = principalOf(res).user;
      const { audit, access } = await requireAuditAccess(store, user, id, withBoard ? "read" : "meta");
      await trail.record({ type: "audit-viewed", ...actorOf(user), auditId: id, detail: { board: withBoard } });
      // The board page syncs the board over WebSocket anyway: it asks for metadata only.
      if (!withBoard) {
        res.json({ ...audit, access } satisfies AuditView);
        return;
      }
      const board = await readLiveDocument(hocuspocus, id, readBoard);
      res.json({ ...audit, access, board } satisfies AuditWithBoard);
    }),
  );

  router.post(
    "/audits/:id/cases",
    handle(async (req, res) => {
      const { id } = parseOr400(AuditParams, req.params, "audit id");
      const user = principalOf(res).user;
      await requireAuditAccess(store, user, id, "edit");
      const input = parseOr400(CreateCaseInput, req.body, "case");
      const caseId = await addCaseToAudit(hocuspocus, id, input);
      await trail.record({ type: "api-write", ...actorOf(user), auditId: id, detail: { action: "case-added", caseId } });
      res.status(201).json({ id: caseId });
    }),
  );

  router.post(
    "/audits/:id/cases/:caseId/cards",
    handle(async (req, res) => {
      const { id, caseId } = parseOr400(CaseParams, req.params, "ids");
      const user = principalOf(res).user;
      const { audit, member } = await requireAuditAccess(store, user, id, "edit");
      const input = parseOr400(CreateCardInput, req.body, "card");
      // "edit" access implies membership.
      const author = { name: user.name, member: member as NonNullable<typeof member> };
      const cardId = await addCardToCase(hocuspocus, audit, author, caseId, input);
      await trail.record({
        type: "api-write",
        ...actorOf(user),
        auditId: id,
        detail: { action: "card-added", caseId, cardId, bytes: input.text.length },
      });
      res.status(201).json({ id: cardId });
    }),
  );

  return router;
}
