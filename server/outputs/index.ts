/**
 * Outputs rendered from a snapshot: the learning summary (HTML page, Markdown, DOCX) in the
 * 6-step briefing shape, and the action plan as CSV. Every format is built from one model
 * (summaryModel.ts) and sanitised: hostile card text cannot run script or break the document.
 */
import type { ActionView } from "../../shared/domain/actions.ts";
import type { Agency } from "../../shared/domain/agencies.ts";
import type { SnapshotJson } from "../../shared/domain/snapshot.ts";
import { renderActionsCsv as actionsCsv } from "./actionsCsv.ts";
import { renderHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";
import { buildLearningSummary, type OutputExtras } from "./summaryModel.ts";

export type { LearningSummary, OutputExtras } from "./summaryModel.ts";

/** A complete standalone HTML5 page (no script; print CSS for A4, so Print → PDF gives a clean document). */
export function renderSummaryHtml(snapshot: SnapshotJson, extras: OutputExtras): string {
  return renderHtml(buildLearningSummary(snapshot, extras));
}

/** The learning summary as Markdown (CommonMark + GFM tables). */
export function renderSummaryMarkdown(snapshot: SnapshotJson, extras: OutputExtras): string {
  return renderMarkdown(buildLearningSummary(snapshot, extras));
}

/**
 * The learning summary as a DOCX file. The docx library is loaded on the first export, not at
 * start: it holds ~3 MB of heap, which every major GC of a server in a meeting would mark again.
 */
export async function renderSummaryDocx(snapshot: SnapshotJson, extras: OutputExtras): Promise<Buffer> {
  const { renderDocx } = await import("./docx.ts");
  return renderDocx(buildLearningSummary(snapshot, extras));
}

/**
 * The action plan as CSV: case, action, owner agency (name), lead, due date, priority, status,
 * answers (finding text), warnings, latest update note. Pass the audit's agencies to name owners
 * the audit added itself.
 */
export function renderActionsCsv(actions: ActionView[], agencies?: readonly Agency[]): string {
  return actionsCsv(actions, agencies);
}
