/**
 * The one place that knows how an audit's live board is laid out inside its Y.Doc.
 *
 * doc.getMap("board")     schema version and other document-level facts
 * doc.getMap("cases")     caseId -> Y.Map { label, ageBand, summary, plan, order, createdAt, notes: Y.XmlFragment }
 * doc.getMap("cards")     cardId -> Y.Map {
 *                            meta: { caseId, column, order, agency, author, createdAt }   one plain value
 *                            body: Y.XmlFragment                                          the card's rich text
 *                            "theme:<themeId>": true                                      one key per tag
 *                            "action:<field>": value   status, ownerAgency, lead, dueDate, priority, answers, cleared
 *                          }
 * doc.getMap("themes")    themeId -> Y.Map { name, order }   cross-case themes cards are tagged with
 * doc.getMap("concerns")  concernId -> Y.Map { caseId, concern, agency, who, dueAt, raisedBy, raisedByAgency, raisedAt,
 *                            status }   immediate safeguarding concerns raised during the audit
 * doc.getXmlFragment("section:<id>")  audit-level rich text: issues across cases, good practice, questions
 *
 * A card is one Y.Map and its body: every shared type costs about 600 bytes of server heap, so
 * tags and action fields are keys of the card's own map rather than nested maps (version 2 had
 * two per card). Each tag and each action field is still its own key, so two people tagging a
 * card or filling in different action fields at once both keep their change.
 * What never changes after creation (case, agency, author, time) and where the card sits (column,
 * order) are one value, `meta`: a key costs about 300 bytes, and a move writing the whole value
 * resolves concurrent moves to one winner as before. The server puts back any change a client
 * makes to the fixed part (authorship.ts).
 *
 * Cases and cards are kept in flat maps and ordered by fractional keys rather than in Y.Arrays:
 * a move is then a single last-writer-wins write, so concurrent moves can never duplicate or lose
 * an item, and every replica sorts the same keys the same way (ties broken by id).
 */
import type * as Y from "yjs";

/** Bumped whenever the layout above changes; stored in the document. */
export const SCHEMA_VERSION = 3;

export const ROOT = {
  board: "board",
  cases: "cases",
  cards: "cards",
  themes: "themes",
  concerns: "concerns",
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
  meta: "meta",
  body: "body",
} as const;

/** The key of a card's tag for a theme. */
export function themeTagKey(themeId: string): string {
  return `theme:${themeId}`;
}

/** The key of one field of a card's action. */
export function actionKey(field: string): string {
  return `action:${field}`;
}

export const THEME_FIELD = { name: "name", order: "order" } as const;

/**
 * Each field of an action is its own key of the card (actionKey), so two people can set owner and
 * due date at once. A card is an action while it has a status and is not `cleared`: making it a
 * plain card again keeps its fields (and status) for when it is made an action again.
 */
export const ACTION_FIELD = {
  cleared: "cleared",
  ownerAgency: "ownerAgency",
  lead: "lead",
  dueDate: "dueDate",
  priority: "priority",
  status: "status",
  /** Id of the finding ("What are we worried about" card) this action answers. */
  answers: "answers",
} as const;

export const ACTION_STATUSES = ["open", "in-progress", "done", "cancelled"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_TITLES: Record<ActionStatus, string> = {
  open: "Open",
  "in-progress": "In progress",
  done: "Done",
  cancelled: "Cancelled",
};

export const PRIORITIES = ["high", "medium", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_TITLES: Record<Priority, string> = { high: "High", medium: "Medium", low: "Low" };

/** The recurring issues of the partnerships' published briefings: every new audit starts with them. */
export const DEFAULT_THEMES = [
  "Voice of the child",
  "Disguised compliance",
  "Professional curiosity and challenge",
  "Information sharing",
  "MARAC",
  "Escalation",
  "Non-engagement with substance misuse services",
  "Fathers and other males",
  "Record keeping and chronologies",
  "Electively home educated children",
  "Pre-birth",
  "Step down and early help",
  "Contingency and safety planning",
] as const;

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
export const SECTION_IDS = ["acrossCases", "goodPractice", "questions"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_TITLES: Record<SectionId, string> = {
  acrossCases: "Issues identified across multiple cases",
  goodPractice: "Good practice and evidence",
  questions: "Questions for practice",
};

/** Where a card sits: its column and its fractional order key within that column. */
export interface CardPlace {
  column: ColumnId;
  order: string;
}

/** A card's `meta` value: where it is, and the stamp it got when it was made (never changes). */
export interface CardMeta extends CardPlace {
  caseId: string;
  /** Agency id. */
  agency: string;
  author: string;
  createdAt: string;
}

/** The parts of `meta` fixed at creation. */
export const CARD_STAMP_FIELDS = ["caseId", "agency", "author", "createdAt"] as const;

export function casesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ROOT.cases);
}

export function cardsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ROOT.cards);
}

export function concernsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ROOT.concerns);
}

export function themesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ROOT.themes);
}

export function boardMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.board);
}

/** The schema version the document says it has (0 for a document from before versions). */
export function schemaVersion(doc: Y.Doc): number {
  const version = Number(boardMap(doc).get(BOARD_FIELD.schemaVersion) ?? 0);
  return Number.isFinite(version) ? version : 0;
}

export function sectionRootName(section: SectionId): string {
  return `section:${section}`;
}
