/** Health and reference data that need no audit. */
import { Router } from "express";
import { DEFAULT_AGENCIES } from "../../../shared/domain/agencies.ts";

export function systemRoutes(): Router {
  const router = Router();
  router.get("/health", (_req, res) => {
    res.json({ ok: true });
  });
  router.get("/agencies", (_req, res) => {
    res.json(DEFAULT_AGENCIES);
  });
  return router;
}
