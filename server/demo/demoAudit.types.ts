/** Shape of the demo audit fixture transcribed from a published 6-step briefing. */
import type { CaseFields, ColumnId } from "../../shared/board/index.ts";

export interface DemoCard {
  text: string;
  /** Agency id from DEFAULT_AGENCIES. */
  agency: string;
}

export interface DemoCase extends CaseFields {
  columns: Record<ColumnId, DemoCard[]>;
  notes?: string;
}

export interface DemoAudit {
  title: string;
  theme: string;
  meetingDate?: string;
  period?: string;
  selection?: string;
  /** Agency ids from DEFAULT_AGENCIES. */
  agencies: string[];
  cases: DemoCase[];
  /** "The issues identified across multiple cases", one item each. */
  acrossCases: string[];
}
