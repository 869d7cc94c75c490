/**
 * The whole board as JSON for the audit-level views (action plan, theme grid). Reading it walks
 * every card's text, so while people type it is re-read a few times a second, not every frame.
 */
import { useMemo } from "react";
import type * as Y from "yjs";
import { readBoard } from "../../shared/board/index.ts";
import type { BoardJson } from "../../shared/domain/board.ts";
import { useThrottledVersion } from "../collab/useThrottledVersion.ts";

export function useBoardJson(doc: Y.Doc): BoardJson {
  const version = useThrottledVersion(doc);
  return useMemo(() => {
    void version;
    return readBoard(doc);
  }, [doc, version]);
}
