/** The audit trail: admins see all of it, an audit's chair sees that audit's entries. */
import type { Response } from "express";
import { Router } from "express";
import { AuditLogQuery } from "../../../shared/validation/account.ts";
import { requireAuditAccess } from "../../auth/access.ts";
import type { Services } from "../../services.ts";
import { actorOf } from "../../trail/auditTrail.ts";
import { trailToCsv } from "../../trail/csv.ts";
import { principalOf } from "../middleware/auth.ts";
import { HttpError, handle, parseOr400 } from "../middleware/validate.ts";

export function auditLogRoutes({ store, trail }: Services): Router {
  const router = Router();

  async function readTrail(query: unknown, res: Response, format: "json" | "csv") {
    const filter = parseOr400(AuditLogQuery, query, "audit log query");
    const user = principalOf(res).user;
    if (!user.admin) {
      if (!filter.auditId) throw new HttpError(403, "Only admins can read the whole audit trail: add ?auditId= for an audit you chair");
      await requireAuditAccess(store, user, filter.auditId, "manage");
    }
    const page = await trail.query(filter);
    await trail.record({
      type: format === "csv" ? "trail-exported" : "trail-viewed",
      ...actorOf(user),
      auditId: filter.auditId,
      detail: { entries: page.events.length },
    });
    return page;
  }

  router.get(
    "/audit-log",
    handle(async (req, res) => {
      res.json(await readTrail(req.query, res, "json"));
    }),
  );

  router.get(
    "/audit-log.csv",
    handle(async (req, res) => {
      const page = await readTrail(req.query, res, "csv");
      res.attachment(`audit-trail-${new Date().toISOString().slice(0, 10)}.csv`);
      res.type("text/csv; charset=utf-8").send(trailToCsv(page.events));
    }),
  );

  return router;
}
