/**
 * Candidate board schemas, written only to measure what a loaded board would cost in memory under
 * each. Nothing here is the product's schema (that lives in shared/board); a candidate that wins
 * becomes a schema migration there. Cases, concerns, themes and sections are written as today.
 *
 *  - flat: a card's theme tags and action fields become keys of the card's own map
 *    ("theme:<id>" → true, "action:<field>" → value) instead of two nested Y.Maps per card.
 *    Every field stays its own key, so concurrent edits of different fields still both win.
 *  - flat + meta: as flat, and the four fields fixed at creation (caseId, agency, author,
 *    createdAt) are one plain value instead of four keys.
 *  - nested: the pattern the vanilla anchor describes, one nested Yjs type per card
 *    field (each scalar a Y.Text, themes a Y.Array, the action a Y.Map of Y.Texts).
 */
import * as Y from "yjs";
import { newId } from "../../shared/board/ids.ts";
import { type ColumnId, cardsMap, compareOrdered, initBoard, type Ordered, orderKeyAt, setFragmentText } from "../../shared/board/index.ts";
import { currentSchema, type SchemaWriter } from "./write.ts";

type CardMap = Y.Map<unknown>;

function fail(what: string): never {
  throw new Error(`candidate schema: ${what}`);
}

/** How a candidate stores where a card is and which case it belongs to. */
interface Placement {
  caseId(card: CardMap): unknown;
  place(card: CardMap): { column: string; order: string } | undefined;
}

function siblings(doc: Y.Doc, placement: Placement, caseId: string, column: ColumnId, except?: string): Ordered[] {
  const list: Ordered[] = [];
  cardsMap(doc).forEach((card, id) => {
    const place = placement.place(card);
    if (id !== except && placement.caseId(card) === caseId && place?.column === column) list.push({ id, order: place.order });
  });
  return list.sort(compareOrdered);
}

const shared = {
  init: initBoard,
  addCase: currentSchema.addCase,
  raiseConcern: currentSchema.raiseConcern,
};

function flatWriter(name: string, meta: boolean): SchemaWriter {
  const placement: Placement = {
    caseId: (card) => (meta ? (card.get("meta") as { caseId?: string } | undefined)?.caseId : card.get("caseId")),
    place: (card) => card.get("place") as { column: string; order: string } | undefined,
  };
  const caseOf = (doc: Y.Doc, cardId: string) => String(placement.caseId(cardsMap(doc).get(cardId) ?? fail("no card")));
  return {
    name,
    ...shared,
    addCard(doc, caseId, card, author) {
      const id = newId();
      const body = new Y.XmlFragment();
      doc.transact(() => {
        const entry = new Y.Map<unknown>();
        const createdAt = new Date().toISOString();
        if (meta) entry.set("meta", { caseId, agency: card.agency, author, createdAt });
        else {
          entry.set("caseId", caseId);
          entry.set("agency", card.agency);
          entry.set("author", author);
          entry.set("createdAt", createdAt);
        }
        const order = orderKeyAt(siblings(doc, placement, caseId, card.column), Number.POSITIVE_INFINITY);
        entry.set("place", { column: card.column, order });
        entry.set("body", body);
        cardsMap(doc).set(id, entry);
      });
      return { id, body };
    },
    moveCard(doc, cardId, column) {
      const others = siblings(doc, placement, caseOf(doc, cardId), column, cardId);
      cardsMap(doc)
        .get(cardId)
        ?.set("place", { column, order: orderKeyAt(others, 0) });
    },
    tag: (doc, cardId, themeId) => void cardsMap(doc).get(cardId)?.set(`theme:${themeId}`, true),
    setActionField(doc, cardId, field, value) {
      const card = cardsMap(doc).get(cardId) ?? fail("no card");
      doc.transact(() => {
        if (card.get("action:isAction") !== true) card.set("action:isAction", true);
        card.set(`action:${field}`, value);
      });
    },
    setText(doc, cardId, text) {
      const body = cardsMap(doc).get(cardId)?.get("body");
      if (body instanceof Y.XmlFragment) doc.transact(() => setFragmentText(body, text));
    },
  };
}

function textOf(value: string): Y.Text {
  const text = new Y.Text();
  text.insert(0, value);
  return text;
}

const nestedPlacement: Placement = {
  caseId: (card) => (card.get("caseId") as Y.Text | undefined)?.toString(),
  place: (card) => {
    const column = card.get("column") as Y.Text | undefined;
    const order = card.get("order") as Y.Text | undefined;
    return column && order ? { column: column.toString(), order: order.toString() } : undefined;
  },
};

export const nestedSchema: SchemaWriter = {
  name: "nested (a Yjs type per field)",
  ...shared,
  addCard(doc, caseId, card, author) {
    const id = newId();
    const body = new Y.XmlFragment();
    doc.transact(() => {
      const entry = new Y.Map<unknown>();
      const order = orderKeyAt(siblings(doc, nestedPlacement, caseId, card.column), Number.POSITIVE_INFINITY);
      entry.set("caseId", textOf(caseId));
      entry.set("column", textOf(card.column));
      entry.set("order", textOf(order));
      entry.set("agency", textOf(card.agency));
      entry.set("author", textOf(author));
      entry.set("createdAt", textOf(new Date().toISOString()));
      entry.set("body", body);
      entry.set("themes", new Y.Array<string>());
      entry.set("action", new Y.Map<Y.Text>());
      cardsMap(doc).set(id, entry);
    });
    return { id, body };
  },
  moveCard(doc, cardId, column) {
    const card = cardsMap(doc).get(cardId) ?? fail("no card");
    const caseId = String(nestedPlacement.caseId(card));
    const order = orderKeyAt(siblings(doc, nestedPlacement, caseId, column, cardId), 0);
    doc.transact(() => {
      for (const [key, value] of [
        ["column", column],
        ["order", order],
      ] as const) {
        const text = card.get(key) as Y.Text;
        text.delete(0, text.length);
        text.insert(0, value);
      }
    });
  },
  tag: (doc, cardId, themeId) => void (cardsMap(doc).get(cardId)?.get("themes") as Y.Array<string> | undefined)?.push([themeId]),
  setActionField(doc, cardId, field, value) {
    const action = cardsMap(doc).get(cardId)?.get("action") as Y.Map<Y.Text> | undefined;
    if (action) doc.transact(() => action.set(field, textOf(value)));
  },
  setText(doc, cardId, text) {
    const body = cardsMap(doc).get(cardId)?.get("body");
    if (body instanceof Y.XmlFragment) doc.transact(() => setFragmentText(body, text));
  },
};

export const flatSchema = flatWriter("flat (tags, action on the card)", false);
export const flatMetaSchema = flatWriter("flat + one meta value", true);

export const CANDIDATE_SCHEMAS: readonly SchemaWriter[] = [currentSchema, flatSchema, flatMetaSchema, nestedSchema];
