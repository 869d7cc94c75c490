/** Plain-JSON views of the live board, as readBoard() returns them and the REST API sends them. */
import type { ColumnId, PlanId, SectionId } from "../board/schema.ts";

export interface CardJson {
  id: string;
  caseId: string;
  column: ColumnId;
  /** Plain text of the card's rich text. */
  text: string;
  /** Agency id of the agency that wrote the card. */
  agency: string;
  /** Display name of the person who wrote the card. */
  author: string;
  createdAt: string;
}

export interface CaseJson {
  id: string;
  label: string;
  ageBand?: string;
  summary?: string;
  plan?: PlanId;
  /** Plain text of the free case notes. */
  notes: string;
  columns: Record<ColumnId, CardJson[]>;
}

export interface BoardJson {
  schemaVersion: number;
  cases: CaseJson[];
  sections: Record<SectionId, string>;
}
