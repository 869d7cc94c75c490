/** Stamps a new audit document with the schema version (done once, by the server, on creation). */
import type * as Y from "yjs";
import { BOARD_FIELD, boardMap, SCHEMA_VERSION } from "./schema.ts";

export function initBoard(doc: Y.Doc): void {
  const board = boardMap(doc);
  if (board.get(BOARD_FIELD.schemaVersion) === undefined) {
    board.set(BOARD_FIELD.schemaVersion, SCHEMA_VERSION);
  }
}
