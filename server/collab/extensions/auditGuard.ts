/** Refuses a collaboration connection unless the document name is an existing audit id. */
import type { Extension, onConnectPayload } from "@hocuspocus/server";
import { IdSchema } from "../../../shared/validation/audit.ts";
import { log } from "../../log.ts";
import type { Store } from "../../store/index.ts";

export function auditGuardExtension(store: Store): Extension {
  return {
    extensionName: "AuditGuard",
    async onConnect({ documentName }: onConnectPayload) {
      const id = IdSchema.safeParse(documentName);
      if (!id.success || !(await store.getAudit(id.data))) {
        log.warn("refused collaboration for unknown audit", { document: documentName.slice(0, 80) });
        throw new Error("Unknown audit");
      }
    },
  };
}
