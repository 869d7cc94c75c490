/**
 * What the meeting controls need on the board: the meeting state, the budgets, whether I chair,
 * where the room is, whether I follow it, and how to move (myself or, as chair, the room).
 */
import { createContext, useContext } from "react";
import type * as Y from "yjs";
import type { MeetingJson } from "../../shared/meeting/index.ts";
import type { MeetingStatus } from "../collab/meetingConnection.ts";

/** A case as the meeting controls need it. */
export interface CaseRef {
  id: string;
  label: string;
}

/**
 * Changes with the meeting state, the case list (ids and labels), my role and my following; not
 * with every keystroke on the board.
 */
export interface MeetingContextValue {
  doc: Y.Doc;
  status: MeetingStatus;
  meeting: MeetingJson;
  /** Minutes per case; undefined when the case has no budget yet. */
  budgets: Record<string, number | undefined>;
  cases: CaseRef[];
  /** I chair the audit: the controls that change the meeting state are mine. */
  isChair: boolean;
  /** The case the room is on (the chair's current case), once known. */
  roomCase: CaseRef | undefined;
  /** My board shows the room's case (as chair: my case choices move the room). */
  following: boolean;
  setFollowing: (following: boolean) => void;
  /** Sound when the timer runs out, on this machine. */
  sound: boolean;
  setSound: (on: boolean) => void;
  /** Opens the keyboard shortcuts dialog. */
  showShortcuts: () => void;
}

export const MeetingContext = createContext<MeetingContextValue | undefined>(undefined);

export function useMeetingContext(): MeetingContextValue {
  const value = useContext(MeetingContext);
  if (!value) throw new Error("useMeetingContext() outside a MeetingContext");
  return value;
}
