/**
 * The learning summary as one format-free model, in the 6-step shape of the partnerships'
 * published briefings. HTML, Markdown and DOCX all render this model, so they say the same thing.
 */
import type { RichTextNode } from "../../shared/board/richText.ts";
import { PLAN_TITLES, type SectionId } from "../../shared/board/schema.ts";
import type { ActionUpdate } from "../../shared/domain/actions.ts";
import { type Agency, agencyName, DEFAULT_AGENCIES } from "../../shared/domain/agencies.ts";
import type { BoardJson, CardJson, CaseJson } from "../../shared/domain/board.ts";
import type { Acknowledgement, Addendum, SnapshotJson } from "../../shared/domain/snapshot.ts";
import { recurringThemes } from "../../shared/domain/themeCounts.ts";
import { type ActionRow, actionRows } from "./summaryActions.ts";
import { cleanText, formatDate, formatDateTime, joinAnd, plural } from "./text.ts";

/** What sits beside a snapshot without being part of it, and when the output was made. */
export interface OutputExtras {
  acknowledgements: Acknowledgement[];
  addenda: Addendum[];
  /** Status changes and completion notes recorded after the freeze; laid over the frozen plan. */
  actionUpdates: ActionUpdate[];
  /** ISO timestamp of the rendering (defaults to now). */
  generatedAt?: string;
}

/** One card as a summary item: its rich text and the agency that said it. */
export interface SummaryItem {
  id: string;
  body: RichTextNode;
  agency: string;
}

export interface CaseItems {
  caseId: string;
  label: string;
  items: SummaryItem[];
}

export interface CaseProfile {
  label: string;
  /** "age 13", "Child protection plan": the short facts shown after the label. */
  facts: string[];
  summary?: string;
}

export interface RecurringTheme {
  name: string;
  /** "seen in 2 of 6 cases" */
  seen: string;
  caseLabels: string[];
}

/** Who took the snapshot, when, what kind it is, and its hash: shown on every rendering. */
export interface SnapshotRecord {
  name: string;
  final: boolean;
  /** "Final signed-off version" or "Interim snapshot (not signed off)". */
  kind: string;
  /** "Signed off by Jane Chair (Safeguarding Partnership) on 3 March 2025 at 14:05" */
  taken: string;
  /** "Jane Chair, Safeguarding Partnership": who took it (the DOCX's creator). */
  by: string;
  sha256: string;
  generated: string;
  /** ISO timestamp of the rendering. */
  generatedAt: string;
}

export interface LearningSummary {
  /** Document title: "Domestic Violence II – Multi-Agency Case Audit 6 Step Briefing". */
  documentTitle: string;
  auditTitle: string;
  kicker: string;
  /** (1) Theme and cases. */
  themePoints: string[];
  cases: CaseProfile[];
  /** (2) Process. */
  processPoints: string[];
  /** (3) Strengths identified, per case. */
  strengths: CaseItems[];
  /** (4) Findings, per case. */
  findings: CaseItems[];
  /** (5) Issues identified across multiple cases. */
  acrossCases?: RichTextNode;
  recurringThemes: RecurringTheme[];
  caseCount: number;
  /** (6) Good practice, evidence and actions. */
  goodPractice?: RichTextNode;
  actions: ActionRow[];
  /** Set when updates recorded after the freeze are laid over the plan. */
  actionsNote?: string;
  /** "What needs to happen" cards that are not actions, per case (cases without any left out). */
  recommendations: CaseItems[];
  questions?: RichTextNode;
  record: SnapshotRecord;
  acknowledgements: { agency: string; by: string; at: string }[];
  /** Taking-part agencies that have not acknowledged this snapshot. */
  awaiting: string[];
  addenda: { by: string; at: string; text: string }[];
}

export const SECTION_HEADINGS = {
  theme: "1. Theme and cases",
  process: "2. Process",
  strengths: "3. Strengths identified",
  findings: "4. Findings",
  acrossCases: "5. Issues identified across multiple cases",
  goodPractice: "6. Good practice, evidence and actions",
  questions: "Questions for practice",
  record: "About this document",
  responses: "Acknowledgements and addenda",
} as const;

/** Introduces the questions, as the partnerships' briefings do. */
export const QUESTIONS_LEAD_IN =
  "In your groups and teams, or in supervision, use the questions below to help challenge your own practice.";

/** Plain text as a rich-text document: one paragraph per line. */
export function textToDoc(text: string): RichTextNode {
  const lines = cleanText(text)
    .split("\n")
    .filter((line) => line.trim().length > 0);
  return { type: "doc", content: lines.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })) };
}

function cardBody(card: CardJson): RichTextNode {
  return card.body?.content?.length ? card.body : textToDoc(card.text);
}

function sectionBody(board: BoardJson, id: SectionId): RichTextNode | undefined {
  if (!board.sections[id]?.trim()) return undefined;
  return board.sectionBodies?.[id] ?? textToDoc(board.sections[id]);
}

export function agencyNamer(agencies: readonly Agency[]): (id: string | undefined) => string {
  return (id) => (id ? cleanText(agencyName([...agencies, ...DEFAULT_AGENCIES], id)) : "");
}

function caseItems(cases: CaseJson[], pick: (c: CaseJson) => CardJson[], agency: (id: string) => string): CaseItems[] {
  return cases.map((c) => ({
    caseId: c.id,
    label: cleanText(c.label),
    items: pick(c).map((card) => ({ id: card.id, body: cardBody(card), agency: agency(card.agency) })),
  }));
}

/** "5–10" → "age 5–10"; "Under 1" stays as it is. */
function ageFact(band: string): string {
  return /^\d/.test(band) ? `age ${band}` : band;
}

/** "Age bands: 13–17 (2 cases), 5–9 (1 case); not recorded for 3 cases." */
function profileLine(title: string, values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  const missing = values.filter((v) => !v).length;
  const listed = [...counts].map(([value, n]) => `${value} (${plural(n, "case")})`).join(", ");
  return `${title}: ${listed}${missing > 0 ? `; not recorded for ${plural(missing, "case")}` : ""}.`;
}

function snapshotRecord(snapshot: SnapshotJson, generatedAt: string): SnapshotRecord {
  const final = snapshot.kind === "freeze";
  const name = cleanText(snapshot.takenBy.name);
  const agency = agencyNamer(snapshot.content.audit.agencies)(snapshot.takenBy.agency);
  const who = `${name} (${agency})`;
  return {
    name: cleanText(snapshot.name),
    final,
    kind: final ? "Final signed-off version" : "Interim snapshot (not signed off)",
    taken: `${final ? "Signed off" : "Taken"} by ${who} on ${formatDateTime(snapshot.takenAt)}`,
    by: agency ? `${name}, ${agency}` : name,
    sha256: cleanText(snapshot.sha256),
    generated: formatDateTime(generatedAt),
    generatedAt,
  };
}

/** Turns a snapshot (and what sits beside it) into the learning summary every format renders. */
export function buildLearningSummary(snapshot: SnapshotJson, extras: OutputExtras): LearningSummary {
  const { audit, board } = snapshot.content;
  const generatedAt = extras.generatedAt ?? new Date().toISOString();
  const agency = agencyNamer(audit.agencies);
  const cases = board.cases;
  const total = cases.length;
  const actions = actionRows(board, extras.actionUpdates, generatedAt, agency);
  const auditTitle = cleanText(audit.title);
  const taking = audit.agencies.map((a) => cleanText(a.name));

  const themePoints = [
    `Theme: ${cleanText(audit.theme)}`,
    audit.period ? `Audit period: ${cleanText(audit.period)}` : undefined,
    audit.selection ? `How cases were selected: ${cleanText(audit.selection)}` : undefined,
    total > 0 ? `${plural(total, "case was", "cases were")} audited.` : "No cases were audited.",
    profileLine(
      "Age bands",
      cases.map((c) => c.ageBand && cleanText(c.ageBand)),
    ),
    profileLine(
      "Plans at the time of the audit",
      cases.map((c) => c.plan && PLAN_TITLES[c.plan]),
    ),
  ].filter((p): p is string => !!p);

  const processPoints = [
    taking.length > 0 ? `Agencies taking part: ${joinAnd(taking)}.` : undefined,
    total > 0
      ? `Completed chronologies and audit tools were returned by the agencies taking part for each of the ${plural(total, "case")}.`
      : undefined,
    audit.meetingDate
      ? `A multi-agency meeting on ${formatDate(audit.meetingDate)} examined and analysed each case.`
      : "A multi-agency meeting examined and analysed each case.",
    "This learning summary was developed to support practitioner learning.",
    actions.length > 0
      ? `${plural(actions.length, "action was", "actions were")} identified in the action plan, which the partnership's business office monitors and reviews until complete.`
      : undefined,
  ].filter((p): p is string => !!p);

  const recommendations = caseItems(cases, (c) => c.columns.needsToHappen.filter((card) => !card.action), agency).filter(
    (c) => c.items.length > 0,
  );
  const ackFor = extras.acknowledgements.filter((a) => a.snapshotId === snapshot.id);

  return {
    documentTitle: `${auditTitle} – Multi-Agency Case Audit 6 Step Briefing`,
    auditTitle,
    kicker: "Multi-Agency Case Audit · 6 Step Briefing",
    themePoints,
    cases: cases.map((c) => ({
      label: cleanText(c.label),
      facts: [c.ageBand ? ageFact(cleanText(c.ageBand)) : undefined, c.plan ? PLAN_TITLES[c.plan] : undefined].filter(
        (f): f is string => !!f,
      ),
      summary: c.summary ? cleanText(c.summary) : undefined,
    })),
    processPoints,
    strengths: caseItems(cases, (c) => c.columns.workingWell, agency),
    findings: caseItems(cases, (c) => c.columns.worried, agency),
    acrossCases: sectionBody(board, "acrossCases"),
    recurringThemes: recurringThemes(board).map((t) => ({
      name: cleanText(t.name),
      seen: `seen in ${t.caseIds.length} of ${plural(total, "case")}`,
      caseLabels: t.caseIds.map((id) => cleanText(cases.find((c) => c.id === id)?.label ?? "")),
    })),
    caseCount: total,
    goodPractice: sectionBody(board, "goodPractice"),
    actions,
    actionsNote: extras.actionUpdates.some((u) => actions.some((a) => a.id === u.actionId))
      ? `Status as at ${formatDateTime(generatedAt)}, including updates recorded by action owners after this version was taken; the latest update is shown under each status.`
      : undefined,
    recommendations,
    questions: sectionBody(board, "questions"),
    record: snapshotRecord(snapshot, generatedAt),
    acknowledgements: ackFor.map((a) => ({ agency: agency(a.agency), by: cleanText(a.by.name), at: formatDateTime(a.at) })),
    awaiting: audit.agencies.filter((a) => !ackFor.some((ack) => ack.agency === a.id)).map((a) => cleanText(a.name)),
    addenda: extras.addenda
      .filter((a) => a.snapshotId === snapshot.id)
      .map((a) => ({ by: `${cleanText(a.by.name)} (${agency(a.by.agency)})`, at: formatDateTime(a.at), text: cleanText(a.text) })),
  };
}
