/**
 * Loads and stores each audit's board through the Store, using Hocuspocus's Database extension
 * (debounced stores; the durability issue replaces this with an fsync'd update log).
 */
import { Database } from "@hocuspocus/extension-database";
import { log } from "../../log.ts";
import type { Store } from "../../store/index.ts";

export function persistenceExtension(store: Store): Database {
  return new Database({
    fetch: async ({ documentName }) => (await store.loadDocument(documentName)) ?? null,
    store: async ({ documentName, state }) => {
      try {
        await store.storeDocument(documentName, state);
      } catch (error) {
        log.error("storing board failed", { audit: documentName, error: String(error) });
        throw error;
      }
    },
  });
}
