/** Plain-JSON views of the live board, as readBoard() returns them and the REST API sends them. */
import type { ActionFields } from "../board/actions.ts";
import type { ConcernJson } from "../board/concerns.ts";
import type { RichTextNode } from "../board/richText.ts";
import type { ColumnId, PlanId, SectionId } from "../board/schema.ts";
import type { ThemeJson } from "../board/themes.ts";

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
  /** Ids of the themes the card is tagged with, in theme order. */
  themes: string[];
  /** Set when the card is an action. */
  action?: ActionFields;
  /** The rich text itself (only when read with `{ rich: true }`, e.g. for snapshots). */
  body?: RichTextNode;
}

export interface CaseJson {
  id: string;
  label: string;
  ageBand?: string;
  summary?: string;
  plan?: PlanId;
  /** Plain text of the free case notes. */
  notes: string;
  notesBody?: RichTextNode;
  columns: Record<ColumnId, CardJson[]>;
}

export interface BoardJson {
  schemaVersion: number;
  cases: CaseJson[];
  sections: Record<SectionId, string>;
  sectionBodies?: Record<SectionId, RichTextNode>;
  themes: ThemeJson[];
  /** Immediate safeguarding concerns raised during the audit, oldest first. */
  concerns: ConcernJson[];
}
