/** Read-only views of the board for components, recomputed when the document changes. */
import { useMemo } from "react";
import type * as Y from "yjs";
import {
  actionWarnings,
  type ColumnId,
  cardIdsByCase,
  cardsMap,
  hasCase,
  isOverdue,
  orderedCaseIds,
  readCardMeta,
  readCaseFields,
} from "../../shared/board/index.ts";
import { todayIso } from "../../shared/domain/actions.ts";
import type { CaseJson } from "../../shared/domain/board.ts";
import { useDocVersion } from "../collab/useDocVersion.ts";
import { useThrottledVersion } from "../collab/useThrottledVersion.ts";

export type AgendaCase = Omit<CaseJson, "columns" | "notes"> & { cardCount: number; columns: Record<ColumnId, string[]> };

/** Every case in agenda order with its card ids per column. */
export function useAgenda(doc: Y.Doc): AgendaCase[] {
  const version = useDocVersion(doc);
  return useMemo(() => {
    void version;
    const byCase = cardIdsByCase(doc);
    return orderedCaseIds(doc).flatMap(({ id }) => {
      const fields = readCaseFields(doc, id);
      if (!fields) return [];
      const columns = byCase.get(id) ?? { workingWell: [], worried: [], needsToHappen: [] };
      const cardCount = columns.workingWell.length + columns.worried.length + columns.needsToHappen.length;
      return [{ ...fields, columns, cardCount }];
    });
  }, [doc, version]);
}

export interface AuditSummary {
  actions: number;
  overdue: number;
  /** Actions without an owner agency or a due date. */
  notSmart: number;
  /** Themes seen in two or more cases. */
  recurringThemes: number;
}

/** Counts for the agenda's audit-level entries, from card metadata only (no rich-text walk). */
export function useAuditSummary(doc: Y.Doc): AuditSummary {
  const version = useThrottledVersion(doc);
  return useMemo(() => {
    void version;
    const today = todayIso();
    const summary: AuditSummary = { actions: 0, overdue: 0, notSmart: 0, recurringThemes: 0 };
    const casesPerTheme = new Map<string, Set<string>>();
    for (const cardId of cardsMap(doc).keys()) {
      const card = readCardMeta(doc, cardId);
      if (!card) continue;
      if (card.action) {
        summary.actions++;
        if (isOverdue(card.action, today)) summary.overdue++;
        if (actionWarnings(card.action).length > 0) summary.notSmart++;
      }
      for (const theme of card.themes) {
        const cases = casesPerTheme.get(theme) ?? new Set<string>();
        cases.add(card.caseId);
        casesPerTheme.set(theme, cases);
      }
    }
    for (const cases of casesPerTheme.values()) if ([...cases].filter((id) => hasCase(doc, id)).length >= 2) summary.recurringThemes++;
    return summary;
  }, [doc, version]);
}
