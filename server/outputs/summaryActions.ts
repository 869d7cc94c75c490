/** The action plan rows of the learning summary: the frozen plan with later updates laid over. */
import type { RichTextNode } from "../../shared/board/richText.ts";
import { ACTION_STATUS_TITLES, type Priority } from "../../shared/board/schema.ts";
import { type ActionUpdate, listActions } from "../../shared/domain/actions.ts";
import type { BoardJson, CardJson } from "../../shared/domain/board.ts";
import { cleanText, formatDate, formatDateTime } from "./text.ts";

export const PRIORITY_TITLES: Record<Priority, string> = { high: "High", medium: "Medium", low: "Low" };

/** The priority cell of an immediate safeguarding concern (always listed first). */
export const URGENT_TITLE = "Urgent";

/** What the priority cell says: "Urgent" for a concern, else the action's priority. */
export function priorityTitle(action: { urgent?: boolean; priority?: Priority }): string {
  if (action.urgent) return URGENT_TITLE;
  return action.priority ? (PRIORITY_TITLES[action.priority] ?? "") : "";
}

export interface ActionRow {
  id: string;
  /** 1-based number in the plan. */
  number: number;
  caseLabel: string;
  /** What needs to happen (the card's rich text). */
  body: RichTextNode;
  /** Plain text of the finding it answers. */
  answers?: string;
  owner: string;
  lead: string;
  due: string;
  priority: string;
  /** An immediate safeguarding concern: listed first, its priority cell says "Urgent" and stands out. */
  urgent: boolean;
  /** "Open", "In progress – overdue", "Done". */
  status: string;
  /** The latest update recorded after the freeze: "3 May 2025 at 10:00, Jo Bloggs (Police): note". */
  latestUpdate?: string;
  /** SMART gaps: "No owner agency", "No due date". */
  warnings: string[];
}

function findCard(board: BoardJson, id: string): CardJson | undefined {
  for (const c of board.cases) {
    for (const column of [c.columns.needsToHappen, c.columns.worried, c.columns.workingWell]) {
      const card = column.find((k) => k.id === id);
      if (card) return card;
    }
  }
  return undefined;
}

function plainDoc(text: string): RichTextNode {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: cleanText(text) }] }] };
}

/** `generatedAt` decides what counts as overdue, so a rendering never changes with the day it is read. */
export function actionRows(
  board: BoardJson,
  updates: readonly ActionUpdate[],
  generatedAt: string,
  agency: (id: string | undefined) => string,
): ActionRow[] {
  return listActions(board, updates, generatedAt.slice(0, 10)).map((action, index) => {
    const latest = action.updates.at(-1);
    const status = ACTION_STATUS_TITLES[action.status] ?? cleanText(String(action.status));
    const card = findCard(board, action.id);
    return {
      id: action.id,
      number: index + 1,
      caseLabel: cleanText(action.caseLabel),
      body: card?.body?.content?.length ? card.body : plainDoc(action.text),
      answers: action.answersText ? cleanText(action.answersText) : undefined,
      owner: agency(action.ownerAgency),
      lead: cleanText(action.lead ?? ""),
      due: formatDate(action.dueDate),
      priority: priorityTitle(action),
      urgent: action.urgent === true,
      status: action.overdue ? `${status} – overdue` : status,
      latestUpdate: latest
        ? `${formatDateTime(latest.at)}, ${cleanText(latest.name)} (${agency(latest.agency)})${latest.note ? `: ${cleanText(latest.note)}` : ""}`
        : undefined,
      warnings: action.warnings,
    };
  });
}
