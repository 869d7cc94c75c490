/** Personal access tokens of the signed-in person. */
import { Router } from "express";
import { CreateTokenInput, TokenParams } from "../../../shared/validation/account.ts";
import { createToken, tokenView } from "../../auth/tokens.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Services } from "../../services.ts";
import { actorOf } from "../../trail/auditTrail.ts";
import { principalOf, requireSignedIn } from "../middleware/auth.ts";
import { handle, parseOr400 } from "../middleware/validate.ts";

export function tokenRoutes({ store, trail, live }: Services): Router {
  const router = Router();
  router.use("/tokens", requireSignedIn);

  router.get(
    "/tokens",
    handle(async (_req, res) => {
      const tokens = await store.listTokens(principalOf(res).user.id);
      res.json(tokens.map(tokenView));
    }),
  );

  router.post(
    "/tokens",
    handle(async (req, res) => {
      const principal = principalOf(res);
      // A leaked token must not be able to mint more tokens.
      if (principal.via !== "session") throw new DomainError(403, "Create access tokens while signed in, not with another token");
      const { name } = parseOr400(CreateTokenInput, req.body, "token");
      const { token, record } = await createToken(store, principal.user.id, name);
      await trail.record({ type: "token-created", ...actorOf(principal.user), detail: { token: record.id, name } });
      res.status(201).json({ ...tokenView(record), token });
    }),
  );

  router.delete(
    "/tokens/:id",
    handle(async (req, res) => {
      const principal = principalOf(res);
      const { id } = parseOr400(TokenParams, req.params, "token id");
      const owned = (await store.listTokens(principal.user.id)).some((t) => t.id === id);
      if (!owned) throw new DomainError(404, `No access token with id '${id}'`);
      await store.deleteToken(id);
      live.closeConnections({ tokenId: id });
      await trail.record({ type: "token-revoked", ...actorOf(principal.user), detail: { token: id } });
      res.status(204).end();
    }),
  );

  return router;
}
