/**
 * The meeting state's own document (`<auditId>:meeting`) on the board's socket. The server makes
 * it writable for the audit's chairs only; for everyone else it is read-only (their writes are
 * dropped), so only chairs are offered the controls that change it.
 *
 * A refusal of this document never ends the board: the page then shows the meeting as unavailable.
 */
import { HocuspocusProvider, type HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { useSyncExternalStore } from "react";
import * as Y from "yjs";
import { meetingDocName } from "../../shared/meeting/index.ts";
import { countQueuedUpdatesOnReconnect } from "./unconfirmedUpdates.ts";

export type MeetingStatus = "connecting" | "synced" | "refused";

export interface MeetingConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  status(): MeetingStatus;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

export function openMeeting(auditId: string, socket: HocuspocusProviderWebsocket): MeetingConnection {
  const doc = new Y.Doc();
  // No awareness: presence lives on the board's document.
  const provider = new HocuspocusProvider({ name: meetingDocName(auditId), document: doc, websocketProvider: socket, awareness: null });
  countQueuedUpdatesOnReconnect(provider);
  provider.attach();
  let status: MeetingStatus = "connecting";
  const listeners = new Set<() => void>();
  const set = (next: MeetingStatus) => {
    if (status === next) return;
    status = next;
    for (const listener of listeners) listener();
  };
  provider.on("synced", () => set("synced"));
  provider.on("authenticationFailed", () => set("refused"));
  return {
    doc,
    provider,
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      provider.destroy();
      doc.destroy();
    },
  };
}

export function useMeetingStatus(meeting: MeetingConnection): MeetingStatus {
  return useSyncExternalStore(meeting.subscribe, meeting.status);
}
