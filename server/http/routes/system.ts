/** Health (for load balancers, no sign-in) and reference data (signed in). */
import { Router } from "express";
import { DEFAULT_AGENCIES } from "../../../shared/domain/agencies.ts";
import { requireSignedIn } from "../middleware/auth.ts";

export function systemRoutes(): Router {
  const router = Router();
  router.get("/health", (_req, res) => {
    res.json({ ok: true });
  });
  router.get("/agencies", requireSignedIn, (_req, res) => {
    res.json(DEFAULT_AGENCIES);
  });
  return router;
}
