/** Audits, their cases and cards. Handlers parse, check access, call a domain command, and send JSON. */
import { Router } from "express";
import { readBoard } from "../../../shared/board/index.ts";
import type { AuditAccess } from "../../../shared/domain/account.ts";
import type { AuditMeta, AuditView, AuditWithBoard } from "../../../shared/domain/audit.ts";
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

export function auditRoutes(services: Services): Router {
  const { store, hocuspocus, trail, counts } = services;

  /** The audit as the list and the audit page show it: with access, freeze state and action counts (cached). */
  const viewOf = async (audit: AuditMeta, access: AuditAccess): Promise<AuditView> => ({
    ...audit,
    access,
    freeze: await store.snapshots.freezeState(audit.id),
    actionCounts: await counts.counts(audit.id),
  });
  const router = Router();

  router.get(
    "/audits",
    handle(async (_req, res) => {
      const user = principalOf(res).user;
      const memberships = new Map((await store.listMembershipsOf(user.id)).map((m) => [m.auditId, m]));
      const audits = (await store.listAudits()).filter((a) => user.admin || memberships.has(a.id));
      const views = await Promise.all(audits.map((a) => viewOf(a, accessFor(user, memberships.get(a.id)))));
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
      const view = await viewOf(audit, access);
      if (!withBoard) {
        res.json(view);
        return;
      }
      const board = await readLiveDocument(hocuspocus, id, readBoard);
      res.json({ ...view, board } satisfies AuditWithBoard);
    }),
  );

  router.post(
    "/audits/:id/cases",
    handle(async (req, res) => {
      const { id } = parseOr400(AuditParams, req.params, "audit id");
      const user = principalOf(res).user;
      await requireAuditAccess(store, user, id, "edit");
      const input = parseOr400(CreateCaseInput, req.body, "case");
      const caseId = await addCaseToAudit(services, id, input);
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
      const cardId = await addCardToCase(services, audit, author, caseId, input);
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
