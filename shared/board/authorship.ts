/**
 * Who wrote a card, or raised a concern, is not the writer's to claim: entries a client adds are
 * stamped with the identity the server knows, and a client's change to an existing entry's
 * stamp is put back. `identify` says who made a transaction (undefined for the server's own writes).
 *
 * A card keeps its stamp in its `meta` value (with its place, which anyone may change): a client's
 * new `meta` keeps its place but gets back the case, agency, author and creation time it had. The
 * document's schema version is the server's to change too (a client raising it would make every
 * other page read-only).
 */
import * as Y from "yjs";
import { asCardMeta, cardMeta, cardMetaValue } from "./cards.ts";
import { CONCERN_FIELD } from "./concerns.ts";
import { BOARD_FIELD, boardMap, CARD_FIELD, CARD_STAMP_FIELDS, type CardMeta, cardsMap, concernsMap } from "./schema.ts";

export interface CardAuthor {
  author: string;
  /** Agency id (what a card stores). */
  agency: string;
  /** Agency name (what a concern stores as `raisedByAgency`); the id when not given. */
  agencyName?: string;
}

type Identify = (origin: unknown) => CardAuthor | undefined;
/** A correction, made after the client's transaction (computed then, so it starts from what is current). */
type Fix = () => void;
type Events = Array<Y.YEvent<Y.AbstractType<unknown>>>;

/** Transaction origin of the corrections, so they are never taken for a client's own writes. */
export const GUARD_ORIGIN = { source: "authorship-guard" } as const;

export function guardAuthorship(doc: Y.Doc, identify: Identify): () => void {
  const stops = [
    guard(doc, cardsMap(doc) as Y.Map<unknown>, identify, cardFixes),
    guard(doc, concernsMap(doc) as Y.Map<unknown>, identify, concernFixes),
    guard(doc, boardMap(doc), identify, schemaVersionFixes),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

function guard(
  doc: Y.Doc,
  root: Y.Map<unknown>,
  identify: Identify,
  fixesFor: (root: Y.Map<unknown>, events: Events, transaction: Y.Transaction, writer: CardAuthor) => Fix[],
): () => void {
  const observer = (events: Events, transaction: Y.Transaction) => {
    const writer = identify(transaction.origin);
    if (!writer) return;
    const fixes = fixesFor(root, events, transaction, writer);
    if (fixes.length === 0) return;
    // After this transaction ends: a write from inside an observer would join the client's own.
    queueMicrotask(() => {
      doc.transact(() => {
        for (const fix of fixes) fix();
      }, GUARD_ORIGIN);
    });
  };
  root.observeDeep(observer);
  return () => root.unobserveDeep(observer);
}

function cardFixes(cards: Y.Map<unknown>, events: Events, transaction: Y.Transaction, writer: CardAuthor): Fix[] {
  const fixes: Fix[] = [];
  for (const event of events) {
    if (event.target === cards) {
      // A card the client added (or put in place of another under the same id) is the writer's.
      for (const [id, change] of event.changes.keys) {
        const card = cards.get(id);
        if (change.action !== "delete" && card instanceof Y.Map) stampWithWriter(card, writer, fixes);
      }
      continue;
    }
    const card = event.target;
    if (!(card instanceof Y.Map) || card.parent !== cards || isNew(card, transaction)) continue;
    const change = event.changes.keys.get(CARD_FIELD.meta);
    if (!change) continue;
    const before = asCardMeta(change.oldValue);
    if (!before) {
      stampWithWriter(card, writer, fixes);
      continue;
    }
    const now = cardMeta(card);
    if (now && CARD_STAMP_FIELDS.every((field) => now[field] === before[field])) continue;
    fixes.push(() => {
      const current = cardMeta(card);
      card.set(CARD_FIELD.meta, current ? cardMetaValue({ ...current, ...stampOf(before) }) : before);
    });
  }
  return fixes;
}

// Helpers are module-level functions, not closures made per transaction: the observers run on
// every edit, and under tsx each named closure also costs a defineProperty for its name.

function stampWithWriter(card: Y.Map<unknown>, writer: CardAuthor, fixes: Fix[]): void {
  const meta = cardMeta(card);
  if (!meta || (meta.author === writer.author && meta.agency === writer.agency)) return;
  fixes.push(() => {
    const now = cardMeta(card);
    if (now) card.set(CARD_FIELD.meta, cardMetaValue({ ...now, author: writer.author, agency: writer.agency }));
  });
}

function stampOf(meta: CardMeta): Pick<CardMeta, (typeof CARD_STAMP_FIELDS)[number]> {
  return { caseId: meta.caseId, agency: meta.agency, author: meta.author, createdAt: meta.createdAt };
}

/** A concern's stamp is two keys of its own map. */
const CONCERN_STAMP: Record<string, (writer: CardAuthor) => string> = {
  [CONCERN_FIELD.raisedBy]: (w) => w.author,
  [CONCERN_FIELD.raisedByAgency]: (w) => w.agencyName ?? w.agency,
};

function concernFixes(concerns: Y.Map<unknown>, events: Events, transaction: Y.Transaction, writer: CardAuthor): Fix[] {
  const fixes: Fix[] = [];
  for (const event of events) {
    if (event.target === concerns) {
      for (const [id, change] of event.changes.keys) {
        const entry = concerns.get(id);
        if (change.action === "delete" || !(entry instanceof Y.Map)) continue;
        for (const [key, stamp] of Object.entries(CONCERN_STAMP))
          if (entry.get(key) !== stamp(writer)) putBack(fixes, entry, key, stamp(writer));
      }
    } else if (event.target instanceof Y.Map && event.target.parent === concerns && !isNew(event.target, transaction)) {
      for (const key of Object.keys(CONCERN_STAMP)) {
        const change = event.changes.keys.get(key);
        if (change) putBack(fixes, event.target, key, change.oldValue);
      }
    }
  }
  return fixes;
}

function putBack(fixes: Fix[], entry: Y.Map<unknown>, key: string, value: unknown): void {
  fixes.push(() => {
    if (value === undefined) entry.delete(key);
    else entry.set(key, value);
  });
}

function schemaVersionFixes(board: Y.Map<unknown>, events: Events): Fix[] {
  const change = events.find((event) => event.target === board)?.changes.keys.get(BOARD_FIELD.schemaVersion);
  if (!change) return [];
  return [
    () => {
      if (change.oldValue === undefined) board.delete(BOARD_FIELD.schemaVersion);
      else board.set(BOARD_FIELD.schemaVersion, change.oldValue);
    },
  ];
}

/** Created in this very transaction (then it is a new entry, handled through its root map). */
function isNew(type: { _item: Y.Item | null }, transaction: Y.Transaction): boolean {
  const item = type._item;
  return item !== null && item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}
