/**
 * Who wrote a card, or raised a concern, is not the writer's to claim: entries a client adds are
 * stamped with the identity the server knows, and a client's change to an existing entry's
 * stamp is put back. `identify` says who made a transaction (undefined for the server's own writes).
 */
import * as Y from "yjs";
import { CONCERN_FIELD } from "./concerns.ts";
import { CARD_FIELD, cardsMap, concernsMap } from "./schema.ts";

export interface CardAuthor {
  author: string;
  /** Agency id (what a card stores). */
  agency: string;
  /** Agency name (what a concern stores as `raisedByAgency`); the id when not given. */
  agencyName?: string;
}

/** The maps whose entries carry a stamp, and what each stamped field gets from the writer. */
const STAMPED: ReadonlyArray<{ root: (doc: Y.Doc) => Y.Map<Y.Map<unknown>>; fields: Record<string, (writer: CardAuthor) => string> }> = [
  { root: cardsMap, fields: { [CARD_FIELD.author]: (w) => w.author, [CARD_FIELD.agency]: (w) => w.agency } },
  {
    root: concernsMap,
    fields: { [CONCERN_FIELD.raisedBy]: (w) => w.author, [CONCERN_FIELD.raisedByAgency]: (w) => w.agencyName ?? w.agency },
  },
];

type Fix = { entry: Y.Map<unknown>; key: string; value: unknown };

export function guardAuthorship(doc: Y.Doc, identify: (origin: unknown) => CardAuthor | undefined): () => void {
  const stops = STAMPED.map(({ root, fields }) => guardMap(doc, root(doc), fields, identify));
  return () => {
    for (const stop of stops) stop();
  };
}

function guardMap(
  doc: Y.Doc,
  entries: Y.Map<Y.Map<unknown>>,
  fields: Record<string, (writer: CardAuthor) => string>,
  identify: (origin: unknown) => CardAuthor | undefined,
): () => void {
  const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
    const writer = identify(transaction.origin);
    if (!writer) return;
    const fixes: Fix[] = [];
    for (const event of events) {
      if (event.target === entries) {
        for (const [id, change] of event.changes.keys) {
          const entry = entries.get(id);
          if (change.action !== "add" || !(entry instanceof Y.Map)) continue;
          for (const [key, stamp] of Object.entries(fields)) {
            const value = stamp(writer);
            if (entry.get(key) !== value) fixes.push({ entry, key, value });
          }
        }
      } else if (
        event.target instanceof Y.Map &&
        event.target.parent === entries &&
        !(event.target._item && isNew(event.target._item, transaction))
      ) {
        for (const key of Object.keys(fields)) {
          const change = event.changes.keys.get(key);
          if (change) fixes.push({ entry: event.target, key, value: change.oldValue });
        }
      }
    }
    if (fixes.length === 0) return;
    // After this transaction ends: a write from inside an observer would join the client's own.
    queueMicrotask(() => {
      doc.transact(() => {
        for (const { entry, key, value } of fixes) {
          if (value === undefined) entry.delete(key);
          else entry.set(key, value);
        }
      }, GUARD_ORIGIN);
    });
  };
  entries.observeDeep(observer);
  return () => entries.unobserveDeep(observer);
}

/** Transaction origin of the corrections, so they are never taken for a client's own writes. */
export const GUARD_ORIGIN = { source: "authorship-guard" } as const;

/** Created in this very transaction (then it is a new entry, handled through its root map). */
function isNew(item: Y.Item, transaction: Y.Transaction): boolean {
  return item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}
