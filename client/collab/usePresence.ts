/**
 * Presence over Yjs awareness: who is on the board, which case each is on, which card each edits,
 * and which connections are projector views.
 */
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";

/** The awareness fields this app sets. `user` is also read by the caret extension. */
export interface PresenceUser {
  name: string;
  /** Agency name, shown on carets and in the presence list. */
  agency: string;
  agencyId: string;
  /** "#rrggbb", required by the caret extension. */
  color: string;
}

export interface PresenceState {
  user?: PresenceUser;
  caseId?: string;
  cardId?: string;
  /** A projector view (it follows the room; it is nobody extra in the room). */
  projector?: boolean;
}

export interface PresentPerson {
  clientId: number;
  isMe: boolean;
  name: string;
  agency: string;
  color: string;
  caseId?: string;
  cardId?: string;
  projector: boolean;
}

/** Publishes this person and what they look at. */
export function usePublishPresence(provider: HocuspocusProvider | undefined, user: PresenceUser, caseId: string | undefined): void {
  useEffect(() => {
    provider?.awareness?.setLocalStateField("user", user);
  }, [provider, user]);
  useEffect(() => {
    provider?.awareness?.setLocalStateField("caseId", caseId);
  }, [provider, caseId]);
}

/** Marks this connection as a projector view, on `caseId`. */
export function usePublishProjector(provider: HocuspocusProvider | undefined, caseId: string | undefined): void {
  useEffect(() => {
    provider?.awareness?.setLocalStateField("projector", true);
  }, [provider]);
  useEffect(() => {
    provider?.awareness?.setLocalStateField("caseId", caseId);
  }, [provider, caseId]);
}

export function setEditingCard(provider: HocuspocusProvider | undefined, cardId: string | undefined): void {
  provider?.awareness?.setLocalStateField("cardId", cardId);
}

/** Everyone present, me first. */
export function usePresence(provider: HocuspocusProvider | undefined): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>([]);
  useEffect(() => {
    const awareness = provider?.awareness;
    if (!awareness) return;
    const read = () => {
      const list: PresentPerson[] = [];
      awareness.getStates().forEach((raw, clientId) => {
        const state = raw as PresenceState;
        if (!state.user?.name) return;
        list.push({
          clientId,
          isMe: clientId === awareness.clientID,
          name: state.user.name,
          agency: state.user.agency,
          color: state.user.color,
          caseId: state.caseId,
          cardId: state.cardId,
          projector: state.projector === true,
        });
      });
      list.sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name));
      setPeople(list);
    };
    read();
    awareness.on("change", read);
    return () => awareness.off("change", read);
  }, [provider]);
  return people;
}
