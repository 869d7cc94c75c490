/**
 * Bringing a board stored under an older schema up to SCHEMA_VERSION. The server runs this when
 * it loads a board (and on a copy wherever it reads a stored state without loading it).
 *
 * Version 3 (from 1 or 2): a card's nested `themes` and `action` maps become keys of the card
 * (themeTagKey, actionKey; the action's `isAction` flag becomes its status, or `cleared`), and its
 * case, place and stamp (`caseId`, `place`, `agency`, `author`, `createdAt`) one `meta` value.
 *
 * Two replicas may migrate the same document (a second server, a restart that lost the first
 * migration while a client kept it). So the migration derives everything from the document, in a
 * fixed order, and writes as a Yjs client whose id is a hash of the document's state (state
 * vector and delete set): replicas that migrate the same state write the very same items, which
 * Yjs then holds once, and an edit made after one replica's migration is never overwritten by
 * another's. Replicas that migrate different states still agree key by key: every key gets a value
 * derived from the data, and the nested maps and old keys are deleted by both.
 */
import { digest } from "lib0/hash/sha256";
import * as Y from "yjs";
import { asCardMeta, cardMetaValue } from "./cards.ts";
import {
  ACTION_FIELD,
  actionKey,
  BOARD_FIELD,
  boardMap,
  CARD_FIELD,
  COLUMN_IDS,
  type ColumnId,
  cardsMap,
  DEFAULT_THEMES,
  SCHEMA_VERSION,
  schemaVersion,
  themesMap,
  themeTagKey,
} from "./schema.ts";
import { addTheme, themeIdFor } from "./themes.ts";

/** How a version-2 card kept what version 3 keeps in `meta`, tags and action keys. */
const V2_CARD_FIELD = {
  caseId: "caseId",
  place: "place",
  agency: "agency",
  author: "author",
  createdAt: "createdAt",
  themes: "themes",
  action: "action",
} as const;

/** Version 2's flag for "this card is an action". */
const V2_IS_ACTION = "isAction";

/** Transaction origin of a migration (the server's own write, never a client's). */
export const MIGRATION_ORIGIN = { source: "schema-migration" } as const;

/** Upgrades `doc` to SCHEMA_VERSION; returns whether anything changed. */
export function migrateBoard(doc: Y.Doc): boolean {
  const version = schemaVersion(doc);
  if (version >= SCHEMA_VERSION) return false;
  writeAs(doc, migrationClientId(doc), () => {
    doc.transact(() => {
      if (version < 2 && themesMap(doc).size === 0) {
        for (const name of DEFAULT_THEMES) addTheme(doc, name, { id: themeIdFor(name) });
      }
      if (version < 3) {
        const cards = cardsMap(doc);
        for (const cardId of [...cards.keys()].sort()) flattenCard(cards.get(cardId) as Y.Map<unknown>);
      }
      boardMap(doc).set(BOARD_FIELD.schemaVersion, SCHEMA_VERSION);
    }, MIGRATION_ORIGIN);
  });
  return true;
}

/** A document from stored bytes, brought up to the current schema (for reading without the server's load). */
export function boardFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  migrateBoard(doc);
  return doc;
}

/** Version 2 card -> version 3 card, in place. */
function flattenCard(card: Y.Map<unknown>): void {
  const text = (key: string) => {
    const value = card.get(key);
    return typeof value === "string" ? value : "";
  };
  const place = card.get(V2_CARD_FIELD.place) as { column?: unknown; order?: unknown } | undefined;
  const column = place?.column;
  // A card without a valid place was never shown; it stays so, without meta.
  if (!asCardMeta(card.get(CARD_FIELD.meta)) && typeof place?.order === "string" && COLUMN_IDS.includes(column as ColumnId)) {
    card.set(
      CARD_FIELD.meta,
      cardMetaValue({
        caseId: text(V2_CARD_FIELD.caseId),
        column: column as ColumnId,
        order: place.order,
        agency: text(V2_CARD_FIELD.agency),
        author: text(V2_CARD_FIELD.author),
        createdAt: text(V2_CARD_FIELD.createdAt),
      }),
    );
  }
  const tags = card.get(V2_CARD_FIELD.themes);
  if (tags instanceof Y.Map) {
    for (const themeId of [...tags.keys()].sort()) if (!card.has(themeTagKey(themeId))) card.set(themeTagKey(themeId), true);
  }
  const action = card.get(V2_CARD_FIELD.action);
  if (action instanceof Y.Map) {
    for (const field of [...action.keys()].sort()) {
      const value = action.get(field);
      if (field !== V2_IS_ACTION && value !== undefined && !card.has(actionKey(field))) card.set(actionKey(field), value);
    }
    // Version 2 flagged an action with isAction; version 3 with its status (and `cleared` once it is not).
    const status = actionKey(ACTION_FIELD.status);
    if (action.get(V2_IS_ACTION) === true && typeof card.get(status) !== "string") card.set(status, "open");
    if (action.get(V2_IS_ACTION) !== true && card.has(status)) card.set(actionKey(ACTION_FIELD.cleared), true);
  }
  for (const field of Object.values(V2_CARD_FIELD)) if (card.has(field)) card.delete(field);
}

/**
 * A Yjs client id from a hash of the document's state: its state vector and delete set, which
 * Yjs encodes canonically (sorted, deletions merged into ranges), so equal states hash equally.
 */
function migrationClientId(doc: Y.Doc): number {
  const hash = digest(Y.encodeSnapshot(Y.snapshot(doc)));
  return ((hash[0] << 24) | (hash[1] << 16) | (hash[2] << 8) | hash[3]) >>> 0;
}

/** Runs `write` with `doc` writing as `clientId`, then gives the document its own id back. */
function writeAs(doc: Y.Doc, clientId: number, write: () => void): void {
  const own = doc.clientID;
  doc.clientID = clientId;
  try {
    write();
  } finally {
    doc.clientID = own;
  }
}
