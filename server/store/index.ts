import type { Config } from "../config.ts";
import type { Health } from "../health.ts";
import { LowdbStore } from "./lowdbStore.ts";
import type { Store } from "./Store.ts";

export type { DocumentLog, StoredDocument } from "./DocumentLog.ts";
export type { Store } from "./Store.ts";

/** The store for this configuration (lowdb in DATA_DIR today; PostgreSQL later). */
export function openStore(config: Pick<Config, "dataDir">, health: Health): Promise<Store> {
  return LowdbStore.open(config.dataDir, health);
}

export { DataDirInUseError } from "./dataDirLock.ts";
export { type DocumentKind, type DocumentRef, isBoardDocument, parseDocumentName } from "./documentName.ts";
export { replayStoredDocument } from "./replay.ts";
