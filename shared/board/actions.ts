/**
 * Actions: a "What needs to happen" card made into something an agency owns, with a lead, a due
 * date, a priority and a status. The action lives on the card (one key per field, so two people
 * can fill in different fields at once).
 */
import * as Y from "yjs";
import { ACTION_FIELD, ACTION_STATUSES, type ActionStatus, CARD_FIELD, cardsMap, PRIORITIES, type Priority } from "./schema.ts";

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

function actionMap(doc: Y.Doc, cardId: string): Y.Map<unknown> | undefined {
  const action = cardsMap(doc).get(cardId)?.get(CARD_FIELD.action);
  return action instanceof Y.Map ? action : undefined;
}

/** Makes the card an action (status open) or changes some of its fields; "" clears a field. */
export function setAction(doc: Y.Doc, cardId: string, change: Partial<{ [K in keyof ActionFields]: ActionFields[K] | "" }>): boolean {
  const action = actionMap(doc, cardId);
  if (!action) return false;
  doc.transact(() => {
    if (action.get(ACTION_FIELD.isAction) !== true) {
      action.set(ACTION_FIELD.isAction, true);
      if (action.get(ACTION_FIELD.status) === undefined && change.status === undefined) action.set(ACTION_FIELD.status, "open");
    }
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) continue;
      if (value === "") action.delete(key);
      else action.set(key, value);
    }
  });
  return true;
}

/** Turns the card back into a plain card; its action fields are kept in case it is made an action again. */
export function clearAction(doc: Y.Doc, cardId: string): boolean {
  const action = actionMap(doc, cardId);
  if (!action) return false;
  action.set(ACTION_FIELD.isAction, false);
  return true;
}

/** The card's action, or undefined when the card is not an action. */
export function readAction(card: Y.Map<unknown>): ActionFields | undefined {
  const action = card.get(CARD_FIELD.action);
  if (!(action instanceof Y.Map) || action.get(ACTION_FIELD.isAction) !== true) return undefined;
  const text = (key: string) => {
    const value = action.get(key);
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
