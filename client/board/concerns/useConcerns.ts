/** The immediate safeguarding concerns of the board, re-read when any of them changes. */
import { useMemo } from "react";
import type * as Y from "yjs";
import { type ConcernJson, concernsMap, readConcerns } from "../../../shared/board/index.ts";
import { useDocVersion } from "../../collab/useDocVersion.ts";

export function useConcerns(doc: Y.Doc): ConcernJson[] {
  const version = useDocVersion(concernsMap(doc) as Y.Map<unknown>);
  return useMemo(() => {
    void version;
    return readConcerns(doc);
  }, [doc, version]);
}
