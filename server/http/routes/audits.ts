/** Audits, their cases and cards. Handlers parse, call a domain command, and send JSON. */
import type { Hocuspocus } from "@hocuspocus/server";
import { Router } from "express";
import { readBoard } from "../../../shared/board/index.ts";
import type { AuditWithBoard } from "../../../shared/domain/audit.ts";
import {
  AuditParams,
  AuditQuery,
  CaseParams,
  CreateAuditInput,
  CreateCardInput,
  CreateCaseInput,
} from "../../../shared/validation/audit.ts";
import { readLiveDocument } from "../../collab/liveDocument.ts";
import { addCardToCase, addCaseToAudit, createAudit, requireAudit } from "../../domain/audits.ts";
import type { Store } from "../../store/index.ts";
import { handle, parseOr400 } from "../middleware/validate.ts";

export function auditRoutes(store: Store, hocuspocus: Hocuspocus): Router {
  const router = Router();

  router.get(
    "/audits",
    handle(async (_req, res) => {
      const audits = await store.listAudits();
      res.json(audits.sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
    }),
  );

  router.post(
    "/audits",
    handle(async (req, res) => {
      const input = parseOr400(CreateAuditInput, req.body, "audit");
      res.status(201).json(await createAudit(store, input));
    }),
  );

  router.get(
    "/audits/:id",
    handle(async (req, res) => {
      const { id } = parseOr400(AuditParams, req.params, "audit id");
      const { board: withBoard } = parseOr400(AuditQuery, req.query, "query");
      const audit = await requireAudit(store, id);
      // The board page syncs the board over WebSocket anyway: it asks for metadata only.
      if (!withBoard) {
        res.json(audit);
        return;
      }
      const board = await readLiveDocument(hocuspocus, id, readBoard);
      res.json({ ...audit, board } satisfies AuditWithBoard);
    }),
  );

  router.post(
    "/audits/:id/cases",
    handle(async (req, res) => {
      const { id } = parseOr400(AuditParams, req.params, "audit id");
      const input = parseOr400(CreateCaseInput, req.body, "case");
      res.status(201).json({ id: await addCaseToAudit(store, hocuspocus, id, input) });
    }),
  );

  router.post(
    "/audits/:id/cases/:caseId/cards",
    handle(async (req, res) => {
      const { id, caseId } = parseOr400(CaseParams, req.params, "ids");
      const input = parseOr400(CreateCardInput, req.body, "card");
      res.status(201).json({ id: await addCardToCase(store, hocuspocus, id, caseId, input) });
    }),
  );

  return router;
}
