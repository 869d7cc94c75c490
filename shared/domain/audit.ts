/** Audit metadata: what the business office sets up before the meeting (kept in the store). */
import type { AuditAccess } from "./account.ts";
import type { Agency } from "./agencies.ts";
import type { BoardJson } from "./board.ts";
import type { FreezeState } from "./snapshot.ts";

export interface AuditMeta {
  id: string;
  title: string;
  theme: string;
  /** ISO date (YYYY-MM-DD) of the multi-agency meeting. */
  meetingDate?: string;
  /** The audit period in the partnership's own words, e.g. "Cases open April 2017 – March 2018". */
  period?: string;
  /** How cases were selected, e.g. "Random by business intelligence" or "Nominated by QA sub group". */
  selection?: string;
  /** The agencies taking part; cards are stamped with one of these ids. */
  agencies: Agency[];
  createdAt: string;
}

/** An audit as the API sends it: with what the signed-in person may do in it. */
export interface AuditView extends AuditMeta {
  access: AuditAccess;
  /** Whether the board is frozen (signed off), and the last freeze and reopening. */
  freeze: FreezeState;
  /** Actions still to do (open or in progress) and, of those, the ones past their due date. */
  actionCounts: ActionCounts;
}

export interface ActionCounts {
  open: number;
  overdue: number;
}

export interface AuditWithBoard extends AuditView {
  board: BoardJson;
}
