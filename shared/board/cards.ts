/** Cards in a case's three columns: add, move, delete, and their rich text. */
import * as Y from "yjs";
import { newId } from "./ids.ts";
import { compareOrdered, type Ordered, orderKeyAt } from "./order.ts";
import { setFragmentText } from "./richText.ts";
import { CARD_FIELD, type CardMeta, type CardPlace, type ColumnId, cardsMap, casesMap } from "./schema.ts";

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

/** A `meta` value as a CardMeta, or undefined when it is not one (absent, or written by something else). */
export function asCardMeta(value: unknown): CardMeta | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const meta = value as Partial<Record<keyof CardMeta, unknown>>;
  const strings = [meta.caseId, meta.column, meta.order, meta.agency, meta.author, meta.createdAt];
  return strings.every((field) => typeof field === "string") ? (meta as CardMeta) : undefined;
}

/** The card's case, place and stamp; undefined while a replica holds none (the card is then not shown). */
export function cardMeta(card: Y.Map<unknown>): CardMeta | undefined {
  return asCardMeta(card.get(CARD_FIELD.meta));
}

export function cardPlace(card: Y.Map<unknown>): CardPlace | undefined {
  return cardMeta(card);
}

/** The value to store as `meta`, its fields always in the same order (identical values encode identically). */
export function cardMetaValue(meta: CardMeta): CardMeta {
  return {
    caseId: meta.caseId,
    column: meta.column,
    order: meta.order,
    agency: meta.agency,
    author: meta.author,
    createdAt: meta.createdAt,
  };
}

/** The cards of one column of one case as {id, order}, in display order. */
export function orderedCardIds(doc: Y.Doc, caseId: string, column: ColumnId): Ordered[] {
  const list: Ordered[] = [];
  cardsMap(doc).forEach((card, id) => {
    const meta = cardMeta(card);
    if (meta?.caseId === caseId && meta.column === column) list.push({ id, order: meta.order });
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
    entry.set(
      CARD_FIELD.meta,
      cardMetaValue({
        caseId: card.caseId,
        column: card.column,
        order: orderKeyAt(siblings, card.index ?? siblings.length),
        agency: card.agency,
        author: card.author,
        createdAt: new Date().toISOString(),
      }),
    );
    entry.set(CARD_FIELD.body, body);
    cardsMap(doc).set(id, entry);
    if (card.text) setFragmentText(body, card.text);
  });
  return id;
}

/**
 * Moves a card to `index` of `column` in its case (index counted without the card itself).
 * The whole `meta` is written as one value, so concurrent moves resolve to one winner.
 */
export function moveCard(doc: Y.Doc, cardId: string, to: { column: ColumnId; index: number }): boolean {
  const card = cardsMap(doc).get(cardId);
  const meta = card && cardMeta(card);
  if (!card || !meta) return false;
  const others = orderedCardIds(doc, meta.caseId, to.column).filter((c) => c.id !== cardId);
  card.set(CARD_FIELD.meta, cardMetaValue({ ...meta, column: to.column, order: orderKeyAt(others, to.index) }));
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
