/**
 * Refused or failed state-changing calls reach the audit trail (successful ones are recorded by
 * their handlers, with what they changed).
 */
import type { NextFunction, Request, Response } from "express";
import type { AuditTrail } from "../../trail/auditTrail.ts";
import { actorOf } from "../../trail/auditTrail.ts";
import { SAFE_METHODS } from "./auth.ts";

export function recordRefusedWrites(trail: AuditTrail) {
  return (req: Request, res: Response, next: NextFunction) => {
    // Failed sign-ins have their own entry.
    if (!SAFE_METHODS.has(req.method) && !(req.method === "POST" && req.path === "/session")) {
      res.on("finish", () => {
        if (res.statusCode < 400) return;
        const user = res.locals.principal?.user;
        void trail.record({
          type: "api-write",
          ...(user ? actorOf(user) : {}),
          detail: { method: req.method, path: req.originalUrl.split("?")[0].slice(0, 200), status: res.statusCode },
        });
      });
    }
    next();
  };
}
