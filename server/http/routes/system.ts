/** Health (for load balancers and monitoring, no sign-in) and reference data (signed in). */
import { Router } from "express";
import { DEFAULT_AGENCIES } from "../../../shared/domain/agencies.ts";
import type { Health } from "../../health.ts";
import { requireSignedIn } from "../middleware/auth.ts";

export function systemRoutes(health: Health): Router {
  const router = Router();
  router.get("/health", (_req, res) => {
    // Details name documents, so they stay in the server's log; callers get the status and a count.
    const { status, problems } = health.report();
    res.status(status === "ok" ? 200 : 503).json({ ok: status === "ok", status, problems: problems.length });
  });
  router.get("/agencies", requireSignedIn, (_req, res) => {
    res.json(DEFAULT_AGENCIES);
  });
  return router;
}
