import type { Config } from "../config.ts";
import type { Health } from "../health.ts";
import { LowdbStore } from "./lowdbStore.ts";
import type { Store } from "./Store.ts";

export type { DocumentLog, StoredDocument } from "./DocumentLog.ts";
export type { Store } from "./Store.ts";

/**
 * The store for this configuration: lowdb in DATA_DIR (the default), or PostgreSQL at
 * DATABASE_URL with STORE=postgres. Without `store`, lowdb (scripts and tests that only know a folder).
 */
export async function openStore(config: Pick<Config, "dataDir"> & Partial<Pick<Config, "store">>, health: Health): Promise<Store> {
  if (config.store?.kind === "postgres") {
    // Loaded only when used: pg is ~2 MB of heap that every major GC of a lowdb server would walk.
    const { PostgresStore } = await import("./postgres/postgresStore.ts");
    return PostgresStore.open(config.store, health);
  }
  return LowdbStore.open(config.dataDir, health);
}

export { DataDirInUseError } from "./dataDirLock.ts";
export { type DocumentKind, type DocumentRef, isBoardDocument, parseDocumentName } from "./documentName.ts";
export { dropPendingStructs, replayStoredDocument } from "./replay.ts";
