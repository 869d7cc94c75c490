/**
 * What every part of an open board needs: the document, the provider, the audit, and who I am.
 *
 * Two contexts: the full one (with presence and who edits what, which change every time someone
 * moves a caret) and a stable one (document, identity, read-only) for cards, so a remote caret or
 * keystroke re-renders the card it touches and not every card on the board.
 */
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { createContext, useContext } from "react";
import type * as Y from "yjs";
import type { Role } from "../../shared/domain/account.ts";
import type { AuditMeta } from "../../shared/domain/audit.ts";
import type { PresenceUser, PresentPerson } from "../collab/usePresence.ts";

/** The parts of the board context that change rarely (a role change, never a keystroke). */
export interface BoardStaticValue {
  audit: AuditMeta;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** The caret/presence identity of this person. */
  user: PresenceUser;
  setEditing: (key: string | undefined) => void;
  /** Short messages for screen readers (moves, deletions). */
  announce: (message: string) => void;
  /** An observer, someone whose role just became observer, or a frozen board: nothing can be changed. */
  readOnly: boolean;
  /** The audit is frozen (signed off): the action plan then lives beside the final snapshot. */
  frozen: boolean;
  /** My role in the audit, as the server last said. */
  role: Role;
}

export interface BoardContextValue extends BoardStaticValue {
  people: PresentPerson[];
  /** Which shared text this person is editing ("card:<id>", "notes:<caseId>", "section:<id>"). */
  editing: string | undefined;
  /** Only cards of this agency are shown when set. */
  agencyFilter: string | undefined;
}

export const BoardContext = createContext<BoardContextValue | undefined>(undefined);
export const BoardStaticContext = createContext<BoardStaticValue | undefined>(undefined);

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error("useBoard() outside a BoardContext");
  return value;
}

/** The stable part of the board context: components using only this skip presence updates. */
export function useBoardStatic(): BoardStaticValue {
  const value = useContext(BoardStaticContext);
  if (!value) throw new Error("useBoardStatic() outside a BoardStaticContext");
  return value;
}
