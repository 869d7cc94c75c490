/** Signing in and out, the current session, and changing one's own password. */
import type { CookieOptions, Request, Response } from "express";
import { Router } from "express";
import { rateLimit } from "express-rate-limit";
import type { SessionView } from "../../../shared/domain/account.ts";
import { ChangePasswordInput, SignInInput } from "../../../shared/validation/account.ts";
import { changePassword, checkSignIn, userView } from "../../auth/accounts.ts";
import { Authenticator, SESSION_COOKIE } from "../../auth/principal.ts";
import { sha256 } from "../../auth/secrets.ts";
import type { Services } from "../../services.ts";
import { actorOf } from "../../trail/auditTrail.ts";
import { principalOf, requireSignedIn } from "../middleware/auth.ts";
import { HttpError, handle, parseOr400 } from "../middleware/validate.ts";

const FAILED_SIGN_IN_WINDOW_MS = 15 * 60_000;

function cookieOptions(req: Request): CookieOptions {
  // Secure whenever the browser reached us over TLS (directly or through a trusted proxy).
  return { httpOnly: true, sameSite: "strict", secure: req.secure, path: "/" };
}

/** Failed sign-ins only count; one limiter per IP, one per account (so one IP cannot try many). */
function failedSignInLimit(cluster: Services["cluster"], limit: number, keyOf: "ip" | "account") {
  return rateLimit({
    // Counted in Redis when there are several nodes, so a second node is not a second chance.
    store: cluster.rateLimitStore(`failed-sign-in-${keyOf}`),
    // Redis unreachable: sign-ins go on, unlimited for the outage, rather than everyone locked out.
    passOnStoreError: true,
    windowMs: FAILED_SIGN_IN_WINDOW_MS,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    ...(keyOf === "account"
      ? {
          keyGenerator: (req: Request) =>
            `account:${String(req.body?.email ?? "")
              .trim()
              .toLowerCase()}`,
        }
      : {}),
    handler: (_req: Request, res: Response) => {
      res.status(429).json({
        error:
          keyOf === "account"
            ? "Too many failed sign-ins for this account. Wait 15 minutes, or ask an admin to reset the password."
            : "Too many failed sign-ins from this network. Wait 15 minutes and try again.",
      });
    },
  });
}

export function sessionRoutes({ store, auth, trail, live, cluster }: Services): Router {
  const router = Router();

  router.get(
    "/session",
    requireSignedIn,
    handle(async (_req, res) => {
      const principal = principalOf(res);
      res.json({ user: userView(principal.user), csrfToken: principal.session?.csrfToken ?? "" } satisfies SessionView);
    }),
  );

  router.post(
    "/session",
    failedSignInLimit(cluster, 30, "ip"),
    failedSignInLimit(cluster, 5, "account"),
    handle(async (req, res) => {
      const { email, password } = parseOr400(SignInInput, req.body, "sign-in");
      const user = await checkSignIn(store, email, password);
      if (!user) {
        await trail.record({ type: "sign-in-failed", detail: { email: email.slice(0, 120) } });
        throw new HttpError(401, "That email and password do not match an active account");
      }
      // Rotation: whatever session this browser had before ends now.
      const previous = Authenticator.sessionIdFrom(req.headers.cookie);
      if (previous) await auth.sessions.end(sha256(previous));
      const { id, session } = await auth.sessions.create(user.id);
      res.cookie(SESSION_COOKIE, id, cookieOptions(req));
      await trail.record({ type: "sign-in", ...actorOf(user) });
      res.json({ user: userView(user), csrfToken: session.csrfToken } satisfies SessionView);
    }),
  );

  router.delete(
    "/session",
    requireSignedIn,
    handle(async (req, res) => {
      const principal = principalOf(res);
      if (principal.session) {
        const idHash = principal.session.idHash;
        await auth.sessions.end(idHash);
        live.closeConnections({ sessionIdHashes: [idHash] });
      }
      res.clearCookie(SESSION_COOKIE, cookieOptions(req));
      await trail.record({ type: "sign-out", ...actorOf(principal.user) });
      res.status(204).end();
    }),
  );

  router.post(
    "/session/password",
    requireSignedIn,
    handle(async (req, res) => {
      const principal = principalOf(res);
      const input = parseOr400(ChangePasswordInput, req.body, "password change");
      await changePassword(store, principal.user, input.currentPassword, input.newPassword);
      // Every other session of this person ends: whoever knew the old password is out.
      const keep = principal.session?.idHash;
      const ended = (await auth.sessions.endAllOf(principal.user.id, keep)).map((s) => s.idHash);
      live.closeConnections({ sessionIdHashes: ended });
      await trail.record({ type: "password-changed", ...actorOf(principal.user) });
      res.status(204).end();
    }),
  );

  return router;
}
