/** Read-only views of the board for components, recomputed when the document changes. */
import { useMemo } from "react";
import type * as Y from "yjs";
import { type ColumnId, cardIdsByCase, orderedCaseIds, readCaseFields } from "../../shared/board/index.ts";
import type { CaseJson } from "../../shared/domain/board.ts";
import { useDocVersion } from "../collab/useDocVersion.ts";

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
