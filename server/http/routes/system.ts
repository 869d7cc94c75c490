/**
 * Health (for load balancers and monitoring, no sign-in) and reference data (signed in):
 * - /api/live: the process answers (restart it if not);
 * - /api/ready: send it traffic (503 once a graceful shutdown has begun);
 * - /api/health: is anything failing right now (503 while degraded: a log that cannot be written,
 *   Redis unreachable...); details stay in the server's log.
 */
import { Router } from "express";
import { DEFAULT_AGENCIES } from "../../../shared/domain/agencies.ts";
import type { Health } from "../../health.ts";
import { requireSignedIn } from "../middleware/auth.ts";

export function systemRoutes(health: Health): Router {
  const router = Router();
  router.get("/live", (_req, res) => {
    res.json({ ok: true });
  });
  router.get("/ready", (_req, res) => {
    res.status(health.ready ? 200 : 503).json({ ready: health.ready });
  });
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
