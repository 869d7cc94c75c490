/** The Hocuspocus engine serving every audit's board; one extension per concern. */
import { Hocuspocus } from "@hocuspocus/server";
import { type AccessDeps, accessExtension } from "./extensions/access.ts";
import { migrateExtension } from "./extensions/migrate.ts";
import { persistenceExtension } from "./extensions/persistence.ts";

export function createCollab(deps: AccessDeps): Hocuspocus {
  return new Hocuspocus({
    name: "maca-board",
    quiet: true,
    // Before authentication a socket may queue little: it has not shown who it is yet.
    maxUnauthenticatedQueueSize: 256 * 1024,
    maxUnauthenticatedQueueMessages: 50,
    maxPendingDocuments: 4,
    extensions: [migrateExtension(), accessExtension(deps), persistenceExtension(deps.store)],
  });
}
