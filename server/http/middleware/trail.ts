/**
 * Refused calls reach the audit trail as "api-refused": every failed state-changing call, and
 * any read of an audit's routes that was refused (someone probing audits that are not theirs).
 * Successful changes are recorded by their handlers, with what they changed.
 */
import type { NextFunction, Request, Response } from "express";
import type { AuditTrail } from "../../trail/auditTrail.ts";
import { actorOf } from "../../trail/auditTrail.ts";
import { SAFE_METHODS } from "./auth.ts";

/** The audit a path is about, if it is under /audits/:id (ids are checked later; this only tags). */
const AUDIT_PATH = /^\/audits\/([a-z0-9-]{1,64})(?:\/|$)/;

export function recordRefusals(trail: AuditTrail) {
  return (req: Request, res: Response, next: NextFunction) => {
    const path = req.path;
    const auditId = AUDIT_PATH.exec(path)?.[1];
    // Failed sign-ins have their own entry.
    const signingIn = req.method === "POST" && path === "/session";
    const watched = !signingIn && (!SAFE_METHODS.has(req.method) || auditId !== undefined);
    if (watched) {
      res.on("finish", () => {
        if (res.statusCode < 400) return;
        const user = res.locals.principal?.user;
        void trail.record({
          type: "api-refused",
          ...(user ? actorOf(user) : {}),
          auditId,
          detail: { method: req.method, path: `/api${path}`.slice(0, 200), status: res.statusCode },
        });
      });
    }
    next();
  };
}
