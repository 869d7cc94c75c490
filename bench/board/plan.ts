/**
 * What a "loaded" board holds, as plain data: 60 cases × 20 cards as a real audit leaves them,
 * written by many attendees (each browser tab is its own Yjs client), text typed a word or two at
 * a time with corrections, some cards moved, themes tagged, actions filled in field by field, case
 * notes, a few immediate concerns, audit-level sections. Text is pseudonymous, in the style of
 * published MACA learning summaries (/work/shared/seeds). Seeded: every run plans the same board.
 *
 * The plan is kept apart from how it is written (write.ts), so the same meeting can be written in
 * the current schema and in candidate schemas, and their memory compared like for like.
 */
import { COLUMN_IDS, type ColumnId, DEFAULT_THEMES, PLAN_IDS, type PlanId, PRIORITIES, themeIdFor } from "../../shared/board/index.ts";
import { DEFAULT_AGENCIES } from "../../shared/domain/agencies.ts";
import { seededRandom } from "../../test/helpers/replicas.ts";

export interface BoardShape {
  cases: number;
  cardsPerCase: number;
}

export const LOADED_BOARD: BoardShape = { cases: 60, cardsPerCase: 20 };

/** A burst of keys typed into a paragraph; `typo` means three wrong keys were typed and deleted first. */
export interface Burst {
  text: string;
  typo: boolean;
}

/** Lines of text (one paragraph each), each typed as bursts. */
export type Typing = Burst[][];

/** Action fields in the order the room fills them in, one change each. */
export type ActionStep =
  | { field: "status" | "ownerAgency" | "lead" | "dueDate" | "priority"; value: string }
  | { field: "answers"; card: number };

export interface PlannedCard {
  /** Index of the attendee (within the case's session) who writes each step. */
  author: number;
  column: ColumnId;
  agency: string;
  typing: Typing;
  /** Later in the meeting: moved to the top of this column. */
  moveTo?: ColumnId;
  themes: string[];
  action: ActionStep[];
  /** Later: the whole text replaced (as a REST edit does). */
  reword?: string;
}

export interface PlannedCase {
  /** Attendee clients change every few cases (people reload, rejoin, swap laptops). */
  session: number;
  label: string;
  ageBand: string;
  summary: string;
  plan: PlanId;
  cards: PlannedCard[];
  /** Who tidies each card (moves, tags, action fields), by card index. */
  tidiedBy: number[];
  notes: Typing;
  concern?: { text: string; agency: string };
}

export interface BoardPlan {
  attendeesPerSession: number;
  cases: PlannedCase[];
  sections: string[][];
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

const WHO = [
  "The Health Visitor",
  "The School Nurse",
  "The Social Worker",
  "Police",
  "The GP",
  "The designated safeguarding lead",
  "Early Help",
  "The Midwife",
  "The Youth Offending Service worker",
  "Housing",
  "The Probation officer",
  "Women's Aid",
  "CAMHS",
  "The Independent Reviewing Officer",
];
const CHILD = ["Child A", "Child B", "the eldest child", "the youngest child", "the baby", "the sibling group", "the young person"];
const STRENGTH = [
  "persisted with home visits despite several missed appointments and recorded each attempt",
  "shared the domestic abuse notification with school within 24 hours",
  "sought and recorded the wishes and feelings of {child} in every contact",
  "challenged the parents' explanations robustly and escalated when the plan drifted",
  "worked closely with colleagues out of county to understand the needs of {child}",
  "made a timely referral to MASH with a clear account of the risks",
  "completed a thorough pre-birth assessment and shared it with the core group",
  "kept an accurate chronology that gave the audit a full picture of the case",
  "used the Signs of Safety framework well to structure the planning meeting",
  "engaged mother in the Freedom Programme and followed up her attendance",
];
const WORRY = [
  "did not challenge mother's repeated non-attendance at health appointments for {child}",
  "closed the case without telling partner agencies, so nobody followed up the further incidents",
  "did not record the voice of {child}, and the safety plan was not updated after the disclosure",
  "focused on the family's debt rather than the risk posed by the perpetrator living nearby",
  "did not invite father to the core group, and his history was not known to the conference",
  "missed the opportunity to refer to MARAC after the third incident in six months",
  "took disguised compliance at face value while {child} continued to miss school",
  "let the single assessment drift for eleven weeks after a change of worker",
  "did not know that the family had moved back into the county a few days after leaving",
  "relied on maternal grandmother to safeguard {child} without assessing her capacity",
];
const NEED = [
  "Agree a single multi-agency chronology for {child} before the next review",
  "Invite father and any new partner to core group meetings and record their views",
  "Refer to MARAC whenever there are three incidents in twelve months, whatever the risk score",
  "Update the safety plan with {child} within ten working days of any disclosure",
  "Share closure decisions with every agency on the plan, in writing, on the day",
  "Complete the pre-birth assessment by 20 weeks of pregnancy and share it with midwifery",
  "Escalate to the team manager when the core group has not met for six weeks",
  "Check attendance weekly with school and challenge absences that are explained only by illness",
];
const CLAUSE = [
  "This was discussed at length by the group.",
  "Agencies agreed this reflects their records.",
  "The chronology supports this.",
  "Two agencies held different views on this point.",
  "It is not clear whether this was shared at the time.",
  "Supervision notes confirm the decision.",
  "",
  "",
];

function sentence(random: Random, column: ColumnId): string {
  const child = pick(random, CHILD);
  if (column === "needsToHappen") return `${pick(random, NEED).replace("{child}", child)}.`;
  const verb = pick(random, column === "workingWell" ? STRENGTH : WORRY).replace("{child}", child);
  const tail = pick(random, CLAUSE);
  return `${pick(random, WHO)} ${verb}.${tail ? ` ${tail}` : ""}`;
}

/** Card text: one to three sentences, sometimes two paragraphs (about 60–400 characters). */
function cardText(random: Random, column: ColumnId): string {
  const parts = Array.from({ length: 1 + Math.floor(random() * 2.5) }, () => sentence(random, column));
  if (parts.length > 2 && random() < 0.5) return `${parts.slice(0, 2).join(" ")}\n${parts.slice(2).join(" ")}`;
  return parts.join(" ");
}

/** Two words per burst; a typo (typed, then deleted) in about one burst in seven. */
function typing(random: Random, text: string): Typing {
  return text.split("\n").map((line) => {
    const words = line.split(/(?<= )/);
    const bursts: Burst[] = [];
    for (let w = 0; w < words.length; w += 2) {
      const burst = words.slice(w, w + 2).join("");
      bursts.push({ text: burst, typo: burst.length > 3 && random() < 0.15 });
    }
    return bursts;
  });
}

const AGENCY_IDS = DEFAULT_AGENCIES.map((a) => a.id);
const THEME_IDS = DEFAULT_THEMES.map((name) => themeIdFor(name));

function planCard(random: Random, attendees: number): PlannedCard {
  const column = pick(random, COLUMN_IDS);
  const card: PlannedCard = {
    author: Math.floor(random() * attendees),
    column,
    agency: pick(random, AGENCY_IDS),
    typing: typing(random, cardText(random, column)),
    themes: [],
    action: [],
  };
  if (random() < 0.1) card.moveTo = pick(random, COLUMN_IDS);
  if (random() < 0.35) card.themes.push(pick(random, THEME_IDS));
  if (random() < 0.1) card.themes.push(pick(random, THEME_IDS));
  card.themes = [...new Set(card.themes)];
  if (random() < 0.05) card.reword = cardText(random, card.moveTo ?? column);
  return card;
}

function planActions(random: Random, cards: PlannedCard[]): void {
  const finding = cards.findIndex((c) => (c.moveTo ?? c.column) === "worried");
  for (const card of cards) {
    if ((card.moveTo ?? card.column) !== "needsToHappen" || random() >= 0.75) continue;
    card.action = [
      { field: "status", value: "open" },
      { field: "ownerAgency", value: pick(random, AGENCY_IDS) },
      { field: "lead", value: `Lead ${1 + Math.floor(random() * 9)}` },
      { field: "dueDate", value: `2025-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-15` },
      { field: "priority", value: pick(random, PRIORITIES) },
      ...(finding >= 0 ? [{ field: "answers" as const, card: finding }] : []),
    ];
  }
}

export function planBoard(shape: BoardShape = LOADED_BOARD, seed = 6): BoardPlan {
  const random = seededRandom(seed);
  const attendeesPerSession = 12;
  const cases: PlannedCase[] = [];
  for (let c = 0; c < shape.cases; c++) {
    const cards = Array.from({ length: shape.cardsPerCase }, () => planCard(random, attendeesPerSession));
    planActions(random, cards);
    cases.push({
      session: Math.floor(c / 5),
      label: `Case ${c + 1}`,
      ageBand: `${(c % 17) + 1}`,
      summary: "Referred after a domestic abuse incident; previously known to early help and the school nursing team.",
      plan: PLAN_IDS[c % PLAN_IDS.length],
      cards,
      tidiedBy: cards.map(() => Math.floor(random() * attendeesPerSession)),
      notes: typing(random, `${sentence(random, "worried")}\n${sentence(random, "needsToHappen")}`),
      concern: c % 10 === 3 ? { text: `${sentence(random, "needsToHappen")} Today.`, agency: pick(random, AGENCY_IDS) } : undefined,
    });
  }
  const sections = Array.from({ length: 3 }, () => Array.from({ length: 6 }, () => sentence(random, "worried")));
  return { attendeesPerSession, cases, sections };
}

export function plannedCardCount(plan: BoardPlan): number {
  return plan.cases.reduce((n, c) => n + c.cards.length, 0);
}
