/** A new audit's document: the current schema's version and the default themes (see migrate.ts). */
import type * as Y from "yjs";
import { migrateBoard } from "./migrate.ts";

export function initBoard(doc: Y.Doc): void {
  migrateBoard(doc);
}
