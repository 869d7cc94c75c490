/** Brings a board stored under an older schema up to date as it loads, before anyone syncs it. */
import type { afterLoadDocumentPayload, Extension } from "@hocuspocus/server";
import { migrateBoard } from "../../../shared/board/index.ts";
import { log } from "../../log.ts";

export function migrateExtension(): Extension {
  return {
    extensionName: "Migrate",
    async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
      if (migrateBoard(document)) log.info("migrated a board to the current schema", { audit: documentName });
    },
  };
}
