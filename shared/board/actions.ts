/**
 * Actions: a "What needs to happen" card made into something an agency owns, with a lead, a due
 * date, a priority and a status. The action lives on the card: each field is its own key of the
 * card's map (actionKey), so two people can fill in different fields at once. The status marks
 * the card as an action (no separate flag: a key costs ~300 bytes of server heap per card).
 */
import type * as Y from "yjs";
import { ACTION_FIELD, ACTION_STATUSES, type ActionStatus, actionKey, cardsMap, PRIORITIES, type Priority } from "./schema.ts";

export interface ActionFields {
  ownerAgency?: string;
  lead?: string;
  /** YYYY-MM-DD. */
  dueDate?: string;
  priority?: Priority;
  status: ActionStatus;
  /** Id of the finding (a "worried" card of the same case) the action answers. */
  answers?: string;
}

/** The action fields a change may name (`cleared` is clearAction's). */
const SETTABLE: ReadonlySet<string> = new Set(Object.values(ACTION_FIELD).filter((field) => field !== ACTION_FIELD.cleared));

/** Makes the card an action (status open unless it had one) or changes some of its fields; "" clears a field. */
export function setAction(doc: Y.Doc, cardId: string, change: Partial<{ [K in keyof ActionFields]: ActionFields[K] | "" }>): boolean {
  const card = cardsMap(doc).get(cardId);
  if (!card) return false;
  doc.transact(() => {
    if (card.has(actionKey(ACTION_FIELD.cleared))) card.delete(actionKey(ACTION_FIELD.cleared));
    // The status is what makes the card an action: an unset or cleared one reads as "open".
    const current = card.get(actionKey(ACTION_FIELD.status));
    const status = change.status === "" ? "open" : (change.status ?? (typeof current === "string" ? current : "open"));
    if (status !== current) card.set(actionKey(ACTION_FIELD.status), status);
    for (const [field, value] of Object.entries(change)) {
      if (value === undefined || field === ACTION_FIELD.status || !SETTABLE.has(field)) continue;
      if (value === "") card.delete(actionKey(field));
      else card.set(actionKey(field), value);
    }
  });
  return true;
}

/** Turns the card back into a plain card; its action fields are kept in case it is made an action again. */
export function clearAction(doc: Y.Doc, cardId: string): boolean {
  const card = cardsMap(doc).get(cardId);
  if (!card) return false;
  card.set(actionKey(ACTION_FIELD.cleared), true);
  return true;
}

/** The card's action, or undefined when the card is not an action. */
export function readAction(card: Y.Map<unknown>): ActionFields | undefined {
  if (typeof card.get(actionKey(ACTION_FIELD.status)) !== "string" || card.get(actionKey(ACTION_FIELD.cleared)) === true) return undefined;
  const text = (field: string) => {
    const value = card.get(actionKey(field));
    return typeof value === "string" && value.length > 0 ? value : undefined;
  };
  const status = text(ACTION_FIELD.status);
  const priority = text(ACTION_FIELD.priority);
  return {
    ownerAgency: text(ACTION_FIELD.ownerAgency),
    lead: text(ACTION_FIELD.lead),
    dueDate: text(ACTION_FIELD.dueDate),
    priority: PRIORITIES.includes(priority as Priority) ? (priority as Priority) : undefined,
    status: ACTION_STATUSES.includes(status as ActionStatus) ? (status as ActionStatus) : "open",
    answers: text(ACTION_FIELD.answers),
  };
}

/** What keeps an action from being SMART enough to follow up (a warning, never a block). */
export function actionWarnings(action: ActionFields): string[] {
  const warnings: string[] = [];
  if (!action.ownerAgency) warnings.push("No owner agency");
  if (!action.dueDate) warnings.push("No due date");
  return warnings;
}

/** Open or in progress, with a due date before `today` (YYYY-MM-DD). */
export function isOverdue(action: ActionFields, today: string): boolean {
  return (action.status === "open" || action.status === "in-progress") && action.dueDate !== undefined && action.dueDate < today;
}
