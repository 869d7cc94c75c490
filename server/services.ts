/** The long-lived parts of a running server, built once in server.ts and handed to the routes. */
import type { Hocuspocus } from "@hocuspocus/server";
import type { Authenticator } from "./auth/principal.ts";
import type { Cluster } from "./cluster/index.ts";
import type { DocumentDurability } from "./collab/extensions/durableLog.ts";
import type { FreezeGate } from "./collab/freezeGate.ts";
import type { LiveAccess } from "./collab/liveAccess.ts";
import type { ActionCounts } from "./domain/actionCounts.ts";
import type { Health } from "./health.ts";
import type { Store } from "./store/index.ts";
import type { AuditTrail } from "./trail/auditTrail.ts";

export interface Services {
  store: Store;
  hocuspocus: Hocuspocus;
  /** When a change to a live document is on disk; REST writes wait for it before answering. */
  durability: DocumentDurability;
  auth: Authenticator;
  trail: AuditTrail;
  live: LiveAccess;
  /** Whether each audit's board is frozen; asked by every write path. */
  gate: FreezeGate;
  /** Open and overdue actions per audit (cached for the audit list). */
  counts: ActionCounts;
  /** What is failing right now (GET /api/health). */
  health: Health;
  /** The other server nodes, if any (shared rate limits). */
  cluster: Cluster;
}
