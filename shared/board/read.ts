/** Reads the live board into plain JSON (REST responses, exports, tests). */
import * as Y from "yjs";
import type { BoardJson, CardJson, CaseJson } from "../domain/board.ts";
import { readAction } from "./actions.ts";
import { cardMeta } from "./cards.ts";
import { caseNotes, orderedCaseIds } from "./cases.ts";
import { readConcerns } from "./concerns.ts";
import { compareOrdered } from "./order.ts";
import { fragmentToJson, fragmentToText, type RichTextNode } from "./richText.ts";
import {
  CARD_FIELD,
  CASE_FIELD,
  COLUMN_IDS,
  type ColumnId,
  cardsMap,
  casesMap,
  type PlanId,
  SECTION_IDS,
  type SectionId,
  schemaVersion,
} from "./schema.ts";
import { sectionFragment } from "./sections.ts";
import { cardThemeIds, readThemes } from "./themes.ts";

/** A card without its text (cheap: no rich-text walk), or undefined if it does not exist. */
export function readCardMeta(doc: Y.Doc, cardId: string): Omit<CardJson, "text"> | undefined {
  const card = cardsMap(doc).get(cardId);
  const meta = card && cardMeta(card);
  if (!card || !meta) return undefined;
  const action = readAction(card);
  return {
    id: cardId,
    caseId: meta.caseId,
    column: meta.column,
    agency: meta.agency,
    author: meta.author,
    createdAt: meta.createdAt,
    themes: cardThemeIds(doc, card),
    ...(action ? { action } : {}),
  };
}

export interface ReadOptions {
  /** Include the rich text itself (cards, notes, sections), not only its plain text. */
  rich?: boolean;
}

/** One card as JSON, or undefined if it does not exist. */
export function readCard(doc: Y.Doc, cardId: string, options: ReadOptions = {}): CardJson | undefined {
  const meta = readCardMeta(doc, cardId);
  const body = cardsMap(doc).get(cardId)?.get(CARD_FIELD.body);
  if (!meta) return undefined;
  const fragment = body instanceof Y.XmlFragment ? body : undefined;
  return {
    ...meta,
    text: fragment ? fragmentToText(fragment) : "",
    ...(options.rich && fragment ? { body: fragmentToJson(fragment) } : {}),
  };
}

/** Card ids of every case's columns in display order, in one pass over the cards. */
export function cardIdsByCase(doc: Y.Doc): Map<string, Record<ColumnId, string[]>> {
  const grouped = new Map<string, Record<ColumnId, { id: string; order: string }[]>>();
  cardsMap(doc).forEach((card, id) => {
    const meta = cardMeta(card);
    if (!meta || !COLUMN_IDS.includes(meta.column)) return;
    let columns = grouped.get(meta.caseId);
    if (!columns) {
      columns = { workingWell: [], worried: [], needsToHappen: [] };
      grouped.set(meta.caseId, columns);
    }
    columns[meta.column].push({ id, order: meta.order });
  });
  const result = new Map<string, Record<ColumnId, string[]>>();
  for (const [caseId, columns] of grouped) {
    result.set(caseId, {
      workingWell: columns.workingWell.sort(compareOrdered).map((c) => c.id),
      worried: columns.worried.sort(compareOrdered).map((c) => c.id),
      needsToHappen: columns.needsToHappen.sort(compareOrdered).map((c) => c.id),
    });
  }
  return result;
}

/** A case's fields without its cards (agenda entries). */
export function readCaseFields(doc: Y.Doc, caseId: string): Omit<CaseJson, "columns" | "notes"> | undefined {
  const entry = casesMap(doc).get(caseId);
  if (!entry) return undefined;
  const optional = (key: string) => {
    const value = entry.get(key);
    return typeof value === "string" && value.length > 0 ? value : undefined;
  };
  return {
    id: caseId,
    label: String(entry.get(CASE_FIELD.label) ?? ""),
    ageBand: optional(CASE_FIELD.ageBand),
    summary: optional(CASE_FIELD.summary),
    plan: optional(CASE_FIELD.plan) as PlanId | undefined,
  };
}

export function readBoard(doc: Y.Doc, options: ReadOptions = {}): BoardJson {
  const byCase = cardIdsByCase(doc);
  const cases: CaseJson[] = [];
  for (const { id } of orderedCaseIds(doc)) {
    const fields = readCaseFields(doc, id);
    if (!fields) continue;
    const ids = byCase.get(id) ?? { workingWell: [], worried: [], needsToHappen: [] };
    const notes = caseNotes(doc, id);
    const columns = {} as Record<ColumnId, CardJson[]>;
    for (const column of COLUMN_IDS) {
      columns[column] = ids[column].map((cardId) => readCard(doc, cardId, options)).filter((c): c is CardJson => !!c);
    }
    const notesBody = options.rich && notes ? { notesBody: fragmentToJson(notes) } : {};
    cases.push({ ...fields, notes: notes ? fragmentToText(notes) : "", ...notesBody, columns });
  }
  const sections = {} as Record<SectionId, string>;
  const sectionBodies = {} as Record<SectionId, RichTextNode>;
  for (const section of SECTION_IDS) {
    const fragment = sectionFragment(doc, section);
    sections[section] = fragmentToText(fragment);
    if (options.rich) sectionBodies[section] = fragmentToJson(fragment);
  }
  return {
    schemaVersion: schemaVersion(doc),
    cases,
    sections,
    ...(options.rich ? { sectionBodies } : {}),
    themes: readThemes(doc),
    concerns: readConcerns(doc),
  };
}
