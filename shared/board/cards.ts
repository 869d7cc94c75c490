/** Cards in a case's three columns: add, move, delete, and their rich text. */
import * as Y from "yjs";
import { newId } from "./ids.ts";
import { compareOrdered, type Ordered, orderKeyAt } from "./order.ts";
import { setFragmentText } from "./richText.ts";
import { CARD_FIELD, type CardPlace, type ColumnId, cardsMap, casesMap } from "./schema.ts";

export interface NewCard {
  caseId: string;
  column: ColumnId;
  /** Initial plain text; one paragraph per line. */
  text?: string;
  agency: string;
  author: string;
  /** Position in the column; the end when omitted. */
  index?: number;
}

export function cardPlace(card: Y.Map<unknown>): CardPlace | undefined {
  const place = card.get(CARD_FIELD.place) as CardPlace | undefined;
  return place && typeof place.order === "string" ? place : undefined;
}

/** The cards of one column of one case as {id, order}, in display order. */
export function orderedCardIds(doc: Y.Doc, caseId: string, column: ColumnId): Ordered[] {
  const list: Ordered[] = [];
  cardsMap(doc).forEach((card, id) => {
    const place = cardPlace(card);
    if (card.get(CARD_FIELD.caseId) === caseId && place?.column === column) {
      list.push({ id, order: place.order });
    }
  });
  return list.sort(compareOrdered);
}

/** Adds a card stamped with its author's agency and name; returns its id, or undefined for an unknown case. */
export function addCard(doc: Y.Doc, card: NewCard, options: { id?: string } = {}): string | undefined {
  if (!casesMap(doc).has(card.caseId)) return undefined;
  const id = options.id ?? newId();
  doc.transact(() => {
    const siblings = orderedCardIds(doc, card.caseId, card.column);
    const entry = new Y.Map<unknown>();
    const body = new Y.XmlFragment();
    entry.set(CARD_FIELD.caseId, card.caseId);
    entry.set(CARD_FIELD.place, {
      column: card.column,
      order: orderKeyAt(siblings, card.index ?? siblings.length),
    } satisfies CardPlace);
    entry.set(CARD_FIELD.agency, card.agency);
    entry.set(CARD_FIELD.author, card.author);
    entry.set(CARD_FIELD.createdAt, new Date().toISOString());
    entry.set(CARD_FIELD.body, body);
    entry.set(CARD_FIELD.themes, new Y.Map<unknown>());
    entry.set(CARD_FIELD.action, new Y.Map<unknown>());
    cardsMap(doc).set(id, entry);
    if (card.text) setFragmentText(body, card.text);
  });
  return id;
}

/**
 * Moves a card to `index` of `column` in its case (index counted without the card itself).
 * The column and order are written as one value, so concurrent moves resolve to one winner.
 */
export function moveCard(doc: Y.Doc, cardId: string, to: { column: ColumnId; index: number }): boolean {
  const card = cardsMap(doc).get(cardId);
  if (!card) return false;
  const caseId = String(card.get(CARD_FIELD.caseId));
  const others = orderedCardIds(doc, caseId, to.column).filter((c) => c.id !== cardId);
  card.set(CARD_FIELD.place, { column: to.column, order: orderKeyAt(others, to.index) } satisfies CardPlace);
  return true;
}

export function deleteCard(doc: Y.Doc, cardId: string): boolean {
  if (!cardsMap(doc).has(cardId)) return false;
  cardsMap(doc).delete(cardId);
  return true;
}

/** The shared rich text of a card (bound to the collaborative editor while someone edits it). */
export function cardBody(doc: Y.Doc, cardId: string): Y.XmlFragment | undefined {
  const body = cardsMap(doc).get(cardId)?.get(CARD_FIELD.body);
  return body instanceof Y.XmlFragment ? body : undefined;
}

/** Replaces a card's text with plain text (REST and scripts; people edit through the editor). */
export function setCardText(doc: Y.Doc, cardId: string, text: string): boolean {
  const body = cardBody(doc, cardId);
  if (!body) return false;
  doc.transact(() => setFragmentText(body, text));
  return true;
}
