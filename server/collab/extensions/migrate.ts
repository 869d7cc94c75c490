/** Brings a board stored under an older schema up to date as it loads, before anyone syncs it. */
import type { afterLoadDocumentPayload, Extension } from "@hocuspocus/server";
import { migrateBoard } from "../../../shared/board/index.ts";
import { log } from "../../log.ts";
import { isBoardDocument } from "../../store/index.ts";

export function migrateExtension(): Extension {
  return {
    extensionName: "Migrate",
    async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
      // A meeting document is no board: migrating it would write a board's schema into it.
      if (!isBoardDocument(documentName)) return;
      if (migrateBoard(document)) log.info("migrated a board to the current schema", { audit: documentName });
    },
  };
}
