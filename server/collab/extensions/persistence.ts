/**
 * Loads and stores each audit's board through the Store, using Hocuspocus's Database extension
 * (debounced stores; the durability issue replaces this with an fsync'd update log). After each
 * store, `stored` sees the board (the audit list's action counts are refreshed there).
 */
import { Database } from "@hocuspocus/extension-database";
import type * as Y from "yjs";
import { log } from "../../log.ts";
import type { Store } from "../../store/index.ts";

export function persistenceExtension(store: Store, stored?: (auditId: string, doc: Y.Doc) => void): Database {
  return new Database({
    fetch: async ({ documentName }) => (await store.loadDocument(documentName)) ?? null,
    store: async ({ documentName, state, document }) => {
      try {
        await store.storeDocument(documentName, state);
      } catch (error) {
        log.error("storing board failed", { audit: documentName, error: String(error) });
        throw error;
      }
      try {
        stored?.(documentName, document);
      } catch (error) {
        log.error("after storing a board", { audit: documentName, error: String(error) });
      }
    },
  });
}
