import type { Config } from "../config.ts";
import { LowdbStore } from "./lowdbStore.ts";
import type { Store } from "./Store.ts";

export type { Store } from "./Store.ts";

/** The store for this configuration (lowdb in DATA_DIR today; PostgreSQL later). */
export function openStore(config: Pick<Config, "dataDir">): Promise<Store> {
  return LowdbStore.open(config.dataDir);
}

export { type DocumentKind, type DocumentRef, isBoardDocument, parseDocumentName } from "./documentName.ts";
