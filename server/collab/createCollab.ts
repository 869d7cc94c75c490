/** The Hocuspocus engine serving every audit's board and meeting document; one extension per concern. */
import { Hocuspocus } from "@hocuspocus/server";
import type { ActionCounts } from "../domain/actionCounts.ts";
import { type AccessDeps, accessExtension } from "./extensions/access.ts";
import { concernTrailExtension } from "./extensions/concerns.ts";
import { freezeExtension } from "./extensions/freeze.ts";
import { migrateExtension } from "./extensions/migrate.ts";
import { persistenceExtension } from "./extensions/persistence.ts";

export interface CollabDeps extends AccessDeps {
  counts: ActionCounts;
}

export function createCollab(deps: CollabDeps): Hocuspocus {
  const { gate, counts } = deps;
  return new Hocuspocus({
    name: "maca-board",
    quiet: true,
    // Before authentication a socket may queue little: it has not shown who it is yet.
    maxUnauthenticatedQueueSize: 256 * 1024,
    maxUnauthenticatedQueueMessages: 50,
    maxPendingDocuments: 4,
    extensions: [
      migrateExtension(),
      accessExtension(deps),
      concernTrailExtension(deps.trail),
      freezeExtension(gate),
      // While frozen the counts come from the freeze snapshot and its updates, not the board.
      persistenceExtension(deps.store, (auditId, doc) => {
        if (!gate.isFrozen(auditId)) counts.fromDocument(auditId, doc);
      }),
    ],
  });
}
