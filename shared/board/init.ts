/**
 * A new audit's document, and bringing older documents up to the current schema. Only the server
 * runs these (on creation, and when it loads a board), so there is one writer and no races.
 */
import * as Y from "yjs";
import { BOARD_FIELD, boardMap, CARD_FIELD, cardsMap, DEFAULT_THEMES, SCHEMA_VERSION, themesMap } from "./schema.ts";
import { addTheme, themeIdFor } from "./themes.ts";

export function initBoard(doc: Y.Doc): void {
  migrateBoard(doc);
}

/** Upgrades `doc` to SCHEMA_VERSION; returns whether anything changed. */
export function migrateBoard(doc: Y.Doc): boolean {
  const board = boardMap(doc);
  const version = Number(board.get(BOARD_FIELD.schemaVersion) ?? 0);
  if (version >= SCHEMA_VERSION) return false;
  doc.transact(() => {
    if (version < 2) {
      // Version 2: every card has its themes and action maps; the audit has a theme list.
      cardsMap(doc).forEach((card) => {
        if (!(card.get(CARD_FIELD.themes) instanceof Y.Map)) card.set(CARD_FIELD.themes, new Y.Map());
        if (!(card.get(CARD_FIELD.action) instanceof Y.Map)) card.set(CARD_FIELD.action, new Y.Map());
      });
      if (themesMap(doc).size === 0) {
        for (const name of DEFAULT_THEMES) addTheme(doc, name, { id: themeIdFor(name) });
      }
    }
    board.set(BOARD_FIELD.schemaVersion, SCHEMA_VERSION);
  });
  return true;
}
