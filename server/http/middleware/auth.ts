/**
 * Authentication and CSRF for the REST API. Every route but health and sign-in needs a
 * principal; cookie-authenticated state-changing calls must echo the session's CSRF token.
 */
import type { NextFunction, Request, Response } from "express";
import type { Authenticator, Principal } from "../../auth/principal.ts";
import { sameSecret } from "../../auth/secrets.ts";
import { HttpError } from "./validate.ts";

declare module "express-serve-static-core" {
  interface Locals {
    principal?: Principal;
  }
}

export const CSRF_HEADER = "x-csrf-token";
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Resolves who is calling; a Bearer token that is wrong is refused here (no fallback to cookies). */
export function authenticate(auth: Authenticator) {
  return (req: Request, res: Response, next: NextFunction) => {
    const authorization = req.headers.authorization;
    auth
      .fromCredentials({ cookie: req.headers.cookie, authorization })
      .then((principal) => {
        if (authorization && !principal) throw new HttpError(401, "The access token is not valid (revoked, expired or mistyped)");
        res.locals.principal = principal;
        next();
      })
      .catch(next);
  };
}

/** The signed-in caller, or a 401. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal;
  if (!principal) throw new HttpError(401, "Sign in first");
  return principal;
}

export function requireSignedIn(_req: Request, res: Response, next: NextFunction): void {
  try {
    principalOf(res);
    next();
  } catch (error) {
    next(error);
  }
}

export function requireAdmin(_req: Request, res: Response, next: NextFunction): void {
  try {
    if (!principalOf(res).user.admin) throw new HttpError(403, "Only an admin can do this");
    next();
  } catch (error) {
    next(error);
  }
}

/** Cookies ride along on cross-site requests; the CSRF token does not, so a forged call fails. */
export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  const principal = res.locals.principal;
  // Signing in starts a new session (and ends the old one): the new token comes with its answer.
  const signingIn = req.method === "POST" && req.path === "/session";
  if (SAFE_METHODS.has(req.method) || signingIn || principal?.via !== "session" || !principal.session) {
    next();
    return;
  }
  const sent = req.get(CSRF_HEADER);
  if (!sent || !sameSecret(sent, principal.session.csrfToken)) {
    next(new HttpError(403, `Missing or wrong ${CSRF_HEADER} header (send the csrfToken from POST /api/session)`));
    return;
  }
  next();
}
