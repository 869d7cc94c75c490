/**
 * The one place that knows how an audit's live board is laid out inside its Y.Doc.
 *
 * doc.getMap("board")     schema version and other document-level facts
 * doc.getMap("cases")     caseId -> Y.Map { label, ageBand, summary, plan, order, createdAt, notes: Y.XmlFragment }
 * doc.getMap("cards")     cardId -> Y.Map { caseId, place: {column, order}, agency, author, createdAt, body: Y.XmlFragment }
 * doc.getXmlFragment("section:<id>")  audit-level rich text, e.g. issues across cases
 *
 * Cases and cards are kept in flat maps and ordered by fractional keys rather than in Y.Arrays:
 * a move is then a single last-writer-wins write, so concurrent moves can never duplicate or lose
 * an item, and every replica sorts the same keys the same way (ties broken by id).
 */
import type * as Y from "yjs";

/** Bumped whenever the layout above changes; stored in the document. */
export const SCHEMA_VERSION = 1;

export const ROOT = {
  board: "board",
  cases: "cases",
  cards: "cards",
} as const;

export const BOARD_FIELD = { schemaVersion: "schemaVersion" } as const;

export const CASE_FIELD = {
  label: "label",
  ageBand: "ageBand",
  summary: "summary",
  plan: "plan",
  order: "order",
  createdAt: "createdAt",
  notes: "notes",
} as const;

export const CARD_FIELD = {
  caseId: "caseId",
  place: "place",
  agency: "agency",
  author: "author",
  createdAt: "createdAt",
  body: "body",
} as const;

/** The three columns of every case, in the order the room reads them. */
export const COLUMN_IDS = ["workingWell", "worried", "needsToHappen"] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const COLUMN_TITLES: Record<ColumnId, string> = {
  workingWell: "What is working well",
  worried: "What are we worried about",
  needsToHappen: "What needs to happen",
};

export const PLAN_IDS = ["cp", "cin", "early-help", "none"] as const;
export type PlanId = (typeof PLAN_IDS)[number];

export const PLAN_TITLES: Record<PlanId, string> = {
  cp: "Child protection plan",
  cin: "Child in need",
  "early-help": "Early help",
  none: "No plan",
};

/** Audit-level rich-text sections. */
export const SECTION_IDS = ["acrossCases"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_TITLES: Record<SectionId, string> = {
  acrossCases: "Issues identified across multiple cases",
};

/** Where a card sits: its column and its fractional order key within that column. */
export interface CardPlace {
  column: ColumnId;
  order: string;
}

export function casesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ROOT.cases);
}

export function cardsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ROOT.cards);
}

export function boardMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.board);
}

export function sectionRootName(section: SectionId): string {
  return `section:${section}`;
}
