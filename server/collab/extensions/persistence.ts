/**
 * Loads and stores each audit's documents (its board and its meeting state) through the Store,
 * using Hocuspocus's Database extension (debounced stores; the durability issue replaces this
 * with an fsync'd update log). After each store of a board, `stored` sees it (the audit list's
 * action counts are refreshed there); a meeting document is never taken for a board.
 */
import { Database } from "@hocuspocus/extension-database";
import type * as Y from "yjs";
import { log } from "../../log.ts";
import { isBoardDocument, type Store } from "../../store/index.ts";

export function persistenceExtension(store: Store, stored?: (auditId: string, doc: Y.Doc) => void): Database {
  return new Database({
    fetch: async ({ documentName }) => (await store.loadDocument(documentName)) ?? null,
    store: async ({ documentName, state, document }) => {
      try {
        await store.storeDocument(documentName, state);
      } catch (error) {
        log.error("storing a document failed", { document: documentName, error: String(error) });
        throw error;
      }
      if (!isBoardDocument(documentName)) return;
      try {
        stored?.(documentName, document);
      } catch (error) {
        log.error("after storing a board", { audit: documentName, error: String(error) });
      }
    },
  });
}
