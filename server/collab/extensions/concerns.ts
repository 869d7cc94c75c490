/**
 * Records each immediate safeguarding concern raised over the socket in the audit trail
 * (`concern-raised`): who raised it, as which agency (the server's identity for the connection,
 * whatever the entry claims), on which case, and which agency must act. The concern's text stays
 * on the board; the trail carries only its length, so it never duplicates case content.
 */
import type { afterLoadDocumentPayload, Extension } from "@hocuspocus/server";
import type * as Y from "yjs";
import { concernsMap, readConcern } from "../../../shared/board/index.ts";
import { parseDocumentName } from "../../store/index.ts";
import { type AuditTrail, actorOf } from "../../trail/auditTrail.ts";
import { contextOfOrigin } from "../context.ts";

export function concernTrailExtension(trail: AuditTrail): Extension {
  return {
    extensionName: "ConcernTrail",
    async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
      const ref = parseDocumentName(documentName);
      if (ref?.kind !== "board") return;
      const concerns = concernsMap(document);
      concerns.observe((event: Y.YMapEvent<Y.Map<unknown>>, transaction: Y.Transaction) => {
        // Only people raise concerns; the server's own writes (REST, the guard) are not new ones.
        const context = contextOfOrigin(transaction.origin);
        if (!context) return;
        for (const [id, change] of event.changes.keys) {
          const entry = concerns.get(id);
          if (change.action !== "add" || !entry) continue;
          const concern = readConcern(id, entry);
          void trail.record({
            type: "concern-raised",
            ...actorOf({ id: context.userId, ...context }),
            auditId: ref.auditId,
            detail: { concernId: id, caseId: concern.caseId, mustAct: concern.agency, chars: concern.concern.length },
          });
        }
      });
    },
  };
}
