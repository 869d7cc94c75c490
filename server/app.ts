/** createApp(deps): the Express app without listen(), so tests can mount it on any port. */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Hocuspocus } from "@hocuspocus/server";
import express from "express";
import helmet from "helmet";
import { LIMITS } from "../shared/validation/limits.ts";
import { apiNotFound, errorHandler } from "./http/middleware/errors.ts";
import { requireJsonBody } from "./http/middleware/validate.ts";
import { auditRoutes } from "./http/routes/audits.ts";
import { systemRoutes } from "./http/routes/system.ts";
import type { Store } from "./store/index.ts";

export interface AppDeps {
  store: Store;
  hocuspocus: Hocuspocus;
  /** Folder of the built client; the UI is not served when it does not exist. */
  clientDir: string;
}

export function createApp({ store, hocuspocus, clientDir }: AppDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
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
  api.use(requireJsonBody);
  api.use(express.json({ limit: LIMITS.jsonBodyBytes, strict: true }));
  api.use(systemRoutes());
  api.use(auditRoutes(store, hocuspocus));
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
