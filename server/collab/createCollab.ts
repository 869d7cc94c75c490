/** The Hocuspocus engine serving every audit's board; one extension per concern. */
import { Hocuspocus } from "@hocuspocus/server";
import type { Store } from "../store/index.ts";
import { auditGuardExtension } from "./extensions/auditGuard.ts";
import { persistenceExtension } from "./extensions/persistence.ts";

export function createCollab(store: Store): Hocuspocus {
  return new Hocuspocus({
    name: "maca-board",
    quiet: true,
    extensions: [auditGuardExtension(store), persistenceExtension(store)],
  });
}
