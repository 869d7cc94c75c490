/** Cases on the board: add, edit, reorder, delete. Every write goes through here. */
import * as Y from "yjs";
import { cardMeta } from "./cards.ts";
import { newId } from "./ids.ts";
import { compareOrdered, type Ordered, orderKeyAt } from "./order.ts";
import { CASE_FIELD, cardsMap, casesMap, type PlanId } from "./schema.ts";

/** The editable fields of a case. Labels are pseudonyms ("Case 3", "Gail, 13"), never real names. */
export interface CaseFields {
  label: string;
  ageBand?: string;
  summary?: string;
  plan?: PlanId;
}

/** Cases as {id, order}, sorted the way every replica shows them. */
export function orderedCaseIds(doc: Y.Doc): Ordered[] {
  const list: Ordered[] = [];
  casesMap(doc).forEach((entry, id) => {
    list.push({ id, order: String(entry.get(CASE_FIELD.order) ?? "") });
  });
  return list.sort(compareOrdered);
}

export function hasCase(doc: Y.Doc, caseId: string): boolean {
  return casesMap(doc).has(caseId);
}

/** Adds a case at the end of the agenda (or at `index`) and returns its id. */
export function addCase(doc: Y.Doc, fields: CaseFields, options: { id?: string; index?: number } = {}): string {
  const id = options.id ?? newId();
  doc.transact(() => {
    const ordered = orderedCaseIds(doc);
    const entry = new Y.Map<unknown>();
    entry.set(CASE_FIELD.order, orderKeyAt(ordered, options.index ?? ordered.length));
    entry.set(CASE_FIELD.createdAt, new Date().toISOString());
    entry.set(CASE_FIELD.notes, new Y.XmlFragment());
    writeCaseFields(entry, fields);
    casesMap(doc).set(id, entry);
  });
  return id;
}

/** Changes some fields of a case; `undefined` leaves a field as it is, "" clears it. */
export function updateCase(doc: Y.Doc, caseId: string, fields: Partial<CaseFields>): boolean {
  const entry = casesMap(doc).get(caseId);
  if (!entry) return false;
  doc.transact(() => writeCaseFields(entry, fields));
  return true;
}

function writeCaseFields(entry: Y.Map<unknown>, fields: Partial<CaseFields>): void {
  for (const key of ["label", "ageBand", "summary", "plan"] as const) {
    const value = fields[key];
    if (value === undefined) continue;
    if (value === "") entry.delete(CASE_FIELD[key]);
    else entry.set(CASE_FIELD[key], value);
  }
}

/** Moves a case to position `index` of the agenda. */
export function moveCase(doc: Y.Doc, caseId: string, index: number): boolean {
  const entry = casesMap(doc).get(caseId);
  if (!entry) return false;
  const others = orderedCaseIds(doc).filter((c) => c.id !== caseId);
  entry.set(CASE_FIELD.order, orderKeyAt(others, index));
  return true;
}

/** Deletes a case together with its cards. */
export function deleteCase(doc: Y.Doc, caseId: string): boolean {
  if (!casesMap(doc).has(caseId)) return false;
  doc.transact(() => {
    const cards = cardsMap(doc);
    for (const [cardId, card] of cards.entries()) {
      if (cardMeta(card)?.caseId === caseId) cards.delete(cardId);
    }
    casesMap(doc).delete(caseId);
  });
  return true;
}

/** The shared rich text of a case's free notes (bound to an editor by the client). */
export function caseNotes(doc: Y.Doc, caseId: string): Y.XmlFragment | undefined {
  const notes = casesMap(doc).get(caseId)?.get(CASE_FIELD.notes);
  return notes instanceof Y.XmlFragment ? notes : undefined;
}
