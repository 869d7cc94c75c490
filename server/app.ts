/** createApp(services): the Express app without listen(), so tests can mount it on any port. */
import { existsSync } from "node:fs";
import path from "node:path";
import express from "express";
import helmet from "helmet";
import { LIMITS } from "../shared/validation/limits.ts";
import { authenticate, csrfProtection, requireSignedIn } from "./http/middleware/auth.ts";
import { apiNotFound, errorHandler } from "./http/middleware/errors.ts";
import { recordRefusals } from "./http/middleware/trail.ts";
import { requireJsonBody } from "./http/middleware/validate.ts";
import { actionRoutes } from "./http/routes/actions.ts";
import { auditLogRoutes } from "./http/routes/auditLog.ts";
import { auditRoutes } from "./http/routes/audits.ts";
import { exportRoutes } from "./http/routes/exports.ts";
import { memberRoutes } from "./http/routes/members.ts";
import { reviewRoutes } from "./http/routes/review.ts";
import { sessionRoutes } from "./http/routes/session.ts";
import { snapshotRoutes } from "./http/routes/snapshots.ts";
import { systemRoutes } from "./http/routes/system.ts";
import { tokenRoutes } from "./http/routes/tokens.ts";
import { userRoutes } from "./http/routes/users.ts";
import type { Services } from "./services.ts";

export interface AppOptions {
  /** Folder of the built client; the UI is not served when it does not exist. */
  clientDir: string;
  trustProxy: string | false;
}

export function createApp(services: Services, { clientDir, trustProxy }: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // The built client has no inline script; editor content styles are inline on elements.
          "script-src": ["'self'"],
          "connect-src": ["'self'"],
        },
      },
    }),
  );

  const api = express.Router();
  api.use((_req, res, next) => {
    // API answers hold personal data: never cached by the browser or a proxy.
    res.set("Cache-Control", "no-store");
    next();
  });
  api.use(requireJsonBody);
  api.use(express.json({ limit: LIMITS.jsonBodyBytes, strict: true }));
  api.use(authenticate(services.auth));
  api.use(systemRoutes(services.health));
  api.use(recordRefusals(services.trail));
  api.use(csrfProtection);
  api.use(sessionRoutes(services));
  api.use(requireSignedIn);
  api.use(userRoutes(services));
  api.use(tokenRoutes(services));
  api.use(auditRoutes(services));
  api.use(memberRoutes(services));
  api.use(snapshotRoutes(services));
  api.use(reviewRoutes(services));
  api.use(actionRoutes(services));
  api.use(exportRoutes(services));
  api.use(auditLogRoutes(services));
  api.use(apiNotFound);
  app.use("/api", api);

  if (existsSync(path.join(clientDir, "index.html"))) {
    app.use(express.static(clientDir, { index: false, maxAge: "1h" }));
    // Client-side routes (/audits/:id ...) all load the single-page app.
    app.get("/{*splat}", (_req, res) => {
      res.sendFile(path.join(clientDir, "index.html"), { maxAge: 0 });
    });
  }
  app.use(errorHandler);
  return app;
}
