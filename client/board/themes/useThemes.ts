/** The audit's themes, re-read only when the theme list itself changes (not on every keystroke). */
import { useMemo } from "react";
import type * as Y from "yjs";
import { readThemes, type ThemeJson, themesMap } from "../../../shared/board/index.ts";
import { useDocVersion } from "../../collab/useDocVersion.ts";

export function useThemes(doc: Y.Doc): ThemeJson[] {
  // Theme entries are Y.Maps themselves; the hook observes any map.
  const version = useDocVersion(themesMap(doc) as unknown as Y.Map<unknown>);
  return useMemo(() => {
    void version;
    return readThemes(doc);
  }, [doc, version]);
}
