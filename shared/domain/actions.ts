/** The action plan: every action of a board, as the plan view, the API and the exports list them. */
import { type ActionFields, actionWarnings, isOverdue } from "../board/actions.ts";
import type { BoardJson } from "./board.ts";

export interface ActionView extends ActionFields {
  /** The card's id. */
  id: string;
  caseId: string;
  caseLabel: string;
  /** The card's plain text: what needs to happen. */
  text: string;
  /** Plain text of the finding it answers, when that card still exists. */
  answersText?: string;
  /** SMART gaps (no owner agency, no due date): warnings, never blocks. */
  warnings: string[];
  overdue: boolean;
  /** Status changes and completion notes recorded after the freeze, oldest first. */
  updates: ActionUpdate[];
  /** An immediate safeguarding concern raised in the meeting (listed first, always high priority). */
  urgent?: boolean;
}

/** After the freeze the plan lives on: owners record progress beside the frozen copy. */
export interface ActionUpdate {
  actionId: string;
  status: ActionFields["status"];
  note?: string;
  userId: string;
  name: string;
  agency: string;
  at: string;
}

/** Today as YYYY-MM-DD (local date of the machine asking). */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/**
 * Every action of `board` in agenda and column order. Updates recorded after the freeze are laid
 * over the board's own status (the latest wins).
 */
export function listActions(board: BoardJson, updates: readonly ActionUpdate[] = [], today = todayIso()): ActionView[] {
  const actions: ActionView[] = concernActions(board, updates, today);
  for (const c of board.cases) {
    const findings = new Map(c.columns.worried.map((card) => [card.id, card.text]));
    for (const column of [c.columns.needsToHappen, c.columns.worried, c.columns.workingWell]) {
      for (const card of column) {
        if (!card.action) continue;
        const own = updates.filter((u) => u.actionId === card.id);
        const fields: ActionFields = { ...card.action, status: own.at(-1)?.status ?? card.action.status };
        actions.push({
          ...fields,
          id: card.id,
          caseId: c.id,
          caseLabel: c.label,
          text: card.text,
          answersText: fields.answers ? findings.get(fields.answers) : undefined,
          warnings: actionWarnings(fields),
          overdue: isOverdue(fields, today),
          updates: own,
        });
      }
    }
  }
  return actions;
}

/** Immediate safeguarding concerns as urgent actions: the agency that must act owns them. */
function concernActions(board: BoardJson, updates: readonly ActionUpdate[], today: string): ActionView[] {
  const labels = new Map(board.cases.map((c) => [c.id, c.label]));
  return (board.concerns ?? []).map((concern) => {
    const own = updates.filter((u) => u.actionId === concern.id);
    const fields: ActionFields = {
      ownerAgency: concern.agency || undefined,
      lead: concern.who,
      dueDate: concern.dueAt.slice(0, 10) || undefined,
      priority: "high",
      status: own.at(-1)?.status ?? (concern.status === "actioned" ? "done" : "open"),
    };
    return {
      ...fields,
      id: concern.id,
      caseId: concern.caseId,
      caseLabel: labels.get(concern.caseId) ?? "",
      text: concern.concern,
      warnings: actionWarnings(fields),
      overdue: isOverdue(fields, today),
      updates: own,
      urgent: true,
    };
  });
}
