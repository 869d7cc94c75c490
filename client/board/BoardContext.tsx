/** What every part of an open board needs: the document, the provider, the audit, and who I am. */
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { createContext, useContext } from "react";
import type * as Y from "yjs";
import type { AuditMeta } from "../../shared/domain/audit.ts";
import type { PresenceUser, PresentPerson } from "../collab/usePresence.ts";

export interface BoardContextValue {
  audit: AuditMeta;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** The caret/presence identity of this person. */
  user: PresenceUser;
  people: PresentPerson[];
  /** Which shared text this person is editing ("card:<id>", "notes:<caseId>", "section:<id>"). */
  editing: string | undefined;
  setEditing: (key: string | undefined) => void;
  /** Only cards of this agency are shown when set. */
  agencyFilter: string | undefined;
  /** Short messages for screen readers (moves, deletions). */
  announce: (message: string) => void;
  /** An observer, or someone whose role just became observer: nothing on the board can be changed. */
  readOnly: boolean;
}

export const BoardContext = createContext<BoardContextValue | undefined>(undefined);

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error("useBoard() outside a BoardContext");
  return value;
}
