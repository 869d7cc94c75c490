/**
 * Whether the board's document is of a newer schema than this page's code: the server upgraded it
 * (a new release) after the page loaded. Such a page must not write into it, since it would write
 * the old layout, which the new one no longer reads.
 */
import type * as Y from "yjs";
import { boardMap, SCHEMA_VERSION, schemaVersion } from "../../shared/board/index.ts";
import { useDocVersion } from "../collab/useDocVersion.ts";

export function useSchemaUpgraded(doc: Y.Doc): boolean {
  useDocVersion(boardMap(doc));
  return schemaVersion(doc) > SCHEMA_VERSION;
}
