/** Accounts, managed by admins (the partnership's business office). */
import { Router } from "express";
import { CreateUserInput, UpdateUserInput, UserParams } from "../../../shared/validation/account.ts";
import { createUser, updateUser, userView } from "../../auth/accounts.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Services } from "../../services.ts";
import { actorOf } from "../../trail/auditTrail.ts";
import { principalOf, requireAdmin } from "../middleware/auth.ts";
import { handle, parseOr400 } from "../middleware/validate.ts";

export function userRoutes({ store, auth, trail, live }: Services): Router {
  const router = Router();
  router.use("/users", requireAdmin);

  router.get(
    "/users",
    handle(async (_req, res) => {
      const users = await store.listUsers();
      res.json(users.map(userView).sort((a, b) => a.name.localeCompare(b.name)));
    }),
  );

  router.post(
    "/users",
    handle(async (req, res) => {
      const input = parseOr400(CreateUserInput, req.body, "user");
      const user = await createUser(store, input);
      await trail.record({
        type: "user-created",
        ...actorOf(principalOf(res).user),
        detail: { user: user.email, agency: user.agency.name, admin: user.admin },
      });
      res.status(201).json(userView(user));
    }),
  );

  router.patch(
    "/users/:id",
    handle(async (req, res) => {
      const { id } = parseOr400(UserParams, req.params, "user id");
      const input = parseOr400(UpdateUserInput, req.body, "user change");
      if (input.admin === false || input.disabled === true) await keepOneAdmin(id);
      const user = await updateUser(store, id, input);
      if (user.disabled || input.password !== undefined) {
        // A disabled account or a reset password: every session and board connection ends now.
        await auth.sessions.endAllOf(user.id);
        live.closeConnections({ userId: user.id });
      }
      const changed = Object.keys(input).filter((key) => key !== "password");
      await trail.record({
        type: "user-updated",
        ...actorOf(principalOf(res).user),
        detail: { user: user.email, changed: [...changed, ...(input.password ? ["password"] : [])].join(" ") },
      });
      res.json(userView(user));
    }),
  );

  async function keepOneAdmin(userId: string): Promise<void> {
    const admins = (await store.listUsers()).filter((u) => u.admin && !u.disabled);
    if (admins.length === 1 && admins[0].id === userId)
      throw new DomainError(409, "This is the last active admin: make another admin first");
  }

  return router;
}
