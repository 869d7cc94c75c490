/**
 * Who wrote a card is not the writer's to claim: cards a client adds are stamped with the
 * identity the server knows, and a client's change to an existing card's author or agency is
 * put back. `identify` says who made a transaction (undefined for the server's own writes).
 */
import * as Y from "yjs";
import { CARD_FIELD, cardsMap } from "./schema.ts";

export interface CardAuthor {
  author: string;
  agency: string;
}

type Fix = { card: Y.Map<unknown>; key: string; value: unknown };

export function guardAuthorship(doc: Y.Doc, identify: (origin: unknown) => CardAuthor | undefined): () => void {
  const cards = cardsMap(doc);
  const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
    const writer = identify(transaction.origin);
    if (!writer) return;
    const fixes: Fix[] = [];
    for (const event of events) {
      if (event.target === cards) {
        for (const [cardId, change] of event.changes.keys) {
          const card = cards.get(cardId);
          if (change.action === "add" && card instanceof Y.Map) {
            if (card.get(CARD_FIELD.author) !== writer.author) fixes.push({ card, key: CARD_FIELD.author, value: writer.author });
            if (card.get(CARD_FIELD.agency) !== writer.agency) fixes.push({ card, key: CARD_FIELD.agency, value: writer.agency });
          }
        }
      } else if (
        event.target instanceof Y.Map &&
        event.target.parent === cards &&
        !(event.target._item && isNew(event.target._item, transaction))
      ) {
        for (const key of [CARD_FIELD.author, CARD_FIELD.agency]) {
          const change = event.changes.keys.get(key);
          if (change) fixes.push({ card: event.target, key, value: change.oldValue });
        }
      }
    }
    if (fixes.length === 0) return;
    // After this transaction ends: a write from inside an observer would join the client's own.
    queueMicrotask(() => {
      doc.transact(() => {
        for (const { card, key, value } of fixes) {
          if (value === undefined) card.delete(key);
          else card.set(key, value);
        }
      }, GUARD_ORIGIN);
    });
  };
  cards.observeDeep(observer);
  return () => cards.unobserveDeep(observer);
}

/** Transaction origin of the corrections, so they are never taken for a client's own writes. */
export const GUARD_ORIGIN = { source: "authorship-guard" } as const;

/** Created in this very transaction (then it is a new card, handled through the cards map). */
function isNew(item: Y.Item, transaction: Y.Transaction): boolean {
  return item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}
