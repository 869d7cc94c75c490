/**
 * Writes a planned board (plan.ts) into a Y.Doc through a schema: the current one (shared/board)
 * or a candidate (candidates.ts). Rich text is typed the way the editor binding (y-prosemirror)
 * writes it, the same whatever the schema: a paragraph element holding a text run, an insert per
 * burst of keys, a delete per correction. Each attendee writes as their own Yjs client.
 */
import * as Y from "yjs";
import {
  addCard,
  addCase,
  appendBulletItems,
  type ColumnId,
  cardBody,
  caseNotes,
  initBoard,
  moveCard,
  raiseConcern,
  SCHEMA_VERSION,
  SECTION_IDS,
  sectionFragment,
  setAction,
  setCardText,
  tagCard,
} from "../../shared/board/index.ts";
import type { BoardPlan, PlannedCard, PlannedCase, Typing } from "./plan.ts";

/** The operations whose layout depends on the schema. */
export interface SchemaWriter {
  name: string;
  init(doc: Y.Doc): void;
  addCase(doc: Y.Doc, planned: PlannedCase): { id: string; notes: Y.XmlFragment };
  addCard(doc: Y.Doc, caseId: string, card: PlannedCard, author: string): { id: string; body: Y.XmlFragment };
  moveCard(doc: Y.Doc, cardId: string, column: ColumnId): void;
  tag(doc: Y.Doc, cardId: string, themeId: string): void;
  setActionField(doc: Y.Doc, cardId: string, field: string, value: string): void;
  setText(doc: Y.Doc, cardId: string, text: string): void;
  raiseConcern(doc: Y.Doc, caseId: string, concern: PlannedConcern): void;
}

function fail(what: string): never {
  throw new Error(`bench board writer: ${what}`);
}

/** The schema in shared/board today, written only through its functions. */
export const currentSchema: SchemaWriter = {
  name: `current (v${SCHEMA_VERSION})`,
  init: initBoard,
  addCase(doc, planned) {
    const id = addCase(doc, { label: planned.label, ageBand: planned.ageBand, summary: planned.summary, plan: planned.plan });
    return { id, notes: caseNotes(doc, id) ?? fail("case without notes") };
  },
  addCard(doc, caseId, card, author) {
    const id = addCard(doc, { caseId, column: card.column, agency: card.agency, author }) ?? fail("addCard refused");
    return { id, body: cardBody(doc, id) ?? fail("card without body") };
  },
  moveCard: (doc, cardId, column) => void moveCard(doc, cardId, { column, index: 0 }),
  tag: (doc, cardId, themeId) => void tagCard(doc, cardId, themeId, true),
  setActionField: (doc, cardId, field, value) => void setAction(doc, cardId, { [field]: value }),
  setText: (doc, cardId, text) => void setCardText(doc, cardId, text),
  raiseConcern: (doc, caseId, concern) =>
    void raiseConcern(doc, {
      caseId,
      concern: concern.text,
      agency: concern.agency,
      raisedBy: concern.raisedBy,
      raisedByAgency: concern.raisedByAgency,
    }),
};

/** Types into an empty fragment as the editor does: one paragraph per line. */
export function typeInto(doc: Y.Doc, fragment: Y.XmlFragment, typing: Typing): void {
  for (const line of typing) {
    const paragraph = new Y.XmlElement("paragraph");
    const run = new Y.XmlText();
    doc.transact(() => {
      paragraph.insert(0, [run]);
      fragment.insert(fragment.length, [paragraph]);
    });
    let at = 0;
    for (const burst of line) {
      if (burst.typo) {
        doc.transact(() => run.insert(at, "xqz"));
        doc.transact(() => run.delete(at, 3));
      }
      doc.transact(() => run.insert(at, burst.text));
      at += burst.text.length;
    }
  }
}

export interface WrittenBoard {
  cases: number;
  cards: number;
  actions: number;
  yjsClients: number;
}

/**
 * Who every card is stamped with. The server stamps a card with its writer's name and agency and
 * puts back any other: a board pushed through one account is planned with that account's stamp,
 * so the server keeps it as written instead of adding thousands of corrections.
 */
export interface CardStamp {
  author: string;
  /** Agency id (what a card stores). */
  agency: string;
  /** Agency name (what a concern stores). */
  agencyName: string;
}

export interface PlannedConcern {
  text: string;
  agency: string;
  raisedBy: string;
  raisedByAgency: string;
}

/** Writes `plan` into `doc` through `schema`; the doc's own clientID is restored at the end. */
export function writeBoard(doc: Y.Doc, plan: BoardPlan, schema: SchemaWriter = currentSchema, stamp?: CardStamp): WrittenBoard {
  const ownClient = doc.clientID;
  const clients = new Set<number>();
  // Each attendee of each session is a Yjs client of its own, as each browser tab is.
  const actAs = (session: number, attendee: number) => {
    doc.clientID = 1_000_000 + session * 1_000 + attendee;
    clients.add(doc.clientID);
  };
  let cards = 0;
  let actions = 0;
  for (const planned of plan.cases) {
    actAs(planned.session, 0);
    const { id: caseId, notes } = schema.addCase(doc, planned);
    const ids: string[] = [];
    for (const card of planned.cards) {
      actAs(planned.session, card.author);
      const author = stamp?.author ?? `Attendee ${card.author + 1}`;
      const { id, body } = schema.addCard(doc, caseId, stamp ? { ...card, agency: stamp.agency } : card, author);
      typeInto(doc, body, card.typing);
      ids.push(id);
      cards += 1;
    }
    // The room tidies up afterwards: moves, themes, actions field by field, rewordings.
    for (const [index, card] of planned.cards.entries()) {
      actAs(planned.session, planned.tidiedBy[index]);
      if (card.moveTo) schema.moveCard(doc, ids[index], card.moveTo);
      for (const theme of card.themes) schema.tag(doc, ids[index], theme);
      for (const step of card.action) {
        schema.setActionField(doc, ids[index], step.field, step.field === "answers" ? ids[step.card] : step.value);
      }
      if (card.action.length > 0) actions += 1;
      if (card.reword) schema.setText(doc, ids[index], card.reword);
    }
    typeInto(doc, notes, planned.notes);
    if (planned.concern) {
      schema.raiseConcern(doc, caseId, {
        ...planned.concern,
        raisedBy: stamp?.author ?? "Attendee 1",
        raisedByAgency: stamp?.agencyName ?? "Police",
      });
    }
  }
  doc.clientID = ownClient;
  for (const [index, section] of SECTION_IDS.entries()) appendBulletItems(sectionFragment(doc, section), plan.sections[index] ?? []);
  return { cases: plan.cases.length, cards, actions, yjsClients: clients.size };
}

/** A fresh document holding the whole planned board in `schema`. */
export function buildBoard(plan: BoardPlan, schema: SchemaWriter = currentSchema): { doc: Y.Doc; written: WrittenBoard } {
  const doc = new Y.Doc();
  schema.init(doc);
  return { doc, written: writeBoard(doc, plan, schema) };
}
