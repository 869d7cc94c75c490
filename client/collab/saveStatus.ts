/**
 * The board's save status: Saved only when the server has confirmed every local update of the
 * board and of the meeting state (they share one socket); Offline with the number of this page's
 * edits the server has not confirmed. A small store, so only the status re-renders as people type.
 */
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useSyncExternalStore } from "react";
import type { MeetingConnection } from "./meetingConnection.ts";
import { trackUnconfirmed } from "./unconfirmedUpdates.ts";

export type SaveState = "saved" | "saving" | "offline" | "connecting";

export interface SaveStatus {
  state: SaveState;
  /** Local edits the server has not confirmed yet, including those made offline. */
  unsaved: number;
}

export interface SaveStatusStore {
  get(): SaveStatus;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

export function watchSaveStatus(board: HocuspocusProvider, meeting: MeetingConnection): SaveStatusStore {
  const listeners = new Set<() => void>();
  let status: SaveStatus = { state: "connecting", unsaved: 0 };
  // The provider forgets it was synced when the socket drops; "offline" needs to remember it.
  let everSynced = false;
  const update = () => {
    everSynced ||= board.isSynced;
    // A meeting document the server refused never gets its acknowledgements.
    const trackers = meeting.status() === "refused" ? [boardEdits] : [boardEdits, meetingEdits];
    const unsaved = trackers.reduce((sum, tracker) => sum + tracker.count(), 0);
    const connected = board.configuration.websocketProvider.status === "connected";
    let state: SaveState;
    if (!connected) state = everSynced ? "offline" : "connecting";
    else if (!board.isSynced) state = everSynced ? "saving" : "connecting";
    else state = trackers.some((tracker) => tracker.waiting()) ? "saving" : "saved";
    if (state === status.state && unsaved === status.unsaved) return;
    status = { state, unsaved };
    for (const listener of listeners) listener();
  };
  const boardEdits = trackUnconfirmed(board, update);
  const meetingEdits = trackUnconfirmed(meeting.provider, update);
  board.on("status", update);
  board.on("synced", update);
  const unsubscribeMeeting = meeting.subscribe(update);
  // A board connection opened early (earlyBoard.ts) may be synced already.
  update();
  return {
    get: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      boardEdits.stop();
      meetingEdits.stop();
      board.off("status", update);
      board.off("synced", update);
      unsubscribeMeeting();
    },
  };
}

export function useSaveStatus(store: SaveStatusStore): SaveStatus {
  return useSyncExternalStore(store.subscribe, store.get);
}
