/**
 * Which case or view the board shows, and the meeting around it: the room's case (the chair's
 * current case), following it or browsing, the chair moving the room, next and previous.
 *
 * While I follow, my board shows the room's case; but while I am typing into a card it stays
 * where I am until I finish (the meeting bar says the room moved), so nobody loses their place
 * mid-sentence.
 */
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { AgendaCase } from "../../board/selectors.ts";
import { type AuditViewId, isAuditView } from "../../board/views.ts";
import { type MeetingConnection, useMeetingStatus } from "../../collab/meetingConnection.ts";
import { moveRoom } from "../../meeting/chairActions.ts";
import type { CaseRef, MeetingContextValue } from "../../meeting/MeetingContext.tsx";
import { useLocalSetting } from "../../meeting/useLocalSetting.ts";
import { useCaseBudgets, useMeeting } from "../../meeting/useMeeting.ts";
import type { BoardLocation } from "./useBoardLocation.ts";

interface MeetingNavigationArgs {
  location: BoardLocation;
  meeting: MeetingConnection;
  cases: AgendaCase[];
  isChair: boolean;
  /** What I am editing, if anything ("card:<id>"...). */
  editing: string | undefined;
  announce: (message: string) => void;
  showShortcuts: () => void;
}

export interface MeetingNavigation {
  context: MeetingContextValue;
  view: AuditViewId | undefined;
  current: AgendaCase | undefined;
  /** A card to bring into view (`?card=`), when browsing. */
  focusCardId: string | undefined;
  /** The room moved while I was typing: my board follows once I finish. */
  held: boolean;
  /** Chooses a case: as chair leading the room, moves the room there; otherwise browses to it. */
  selectCase: (caseId: string) => void;
  /** Shows a case without ever moving the room (a case just added). */
  showCase: (caseId: string) => void;
  selectView: (view: AuditViewId) => void;
  /** Next (1) or previous (-1) case. */
  step: (delta: 1 | -1) => void;
}

export function useMeetingNavigation({
  location,
  meeting: connection,
  cases,
  isChair,
  editing,
  announce,
  showShortcuts,
}: MeetingNavigationArgs): MeetingNavigation {
  const { following, go } = location;
  const status = useMeetingStatus(connection);
  const meeting = useMeeting(connection.doc);
  // The case list as the meeting controls see it (ids and labels): unchanged while people type, so
  // the meeting bar is not re-rendered by every keystroke on the board.
  const refsKey = cases.map((c) => `${c.id}\u0000${c.label}`).join("\u0001");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refsKey` stands for the ids and labels.
  const caseRefs = useMemo<CaseRef[]>(() => cases.map(({ id, label }) => ({ id, label })), [refsKey]);
  const ids = useMemo(() => caseRefs.map((c) => c.id), [caseRefs]);
  const budgets = useCaseBudgets(meeting, ids);
  const [sound, setSound] = useLocalSetting("maca.timerSound", isChair);

  // A fresh meeting replica (after a role change) is empty until synced: the room stays where it was.
  const room = location.lastRoomCase;
  if (status !== "connecting" || meeting.currentCaseId) room.current = meeting.currentCaseId;
  const roomCase = caseRefs.find((c) => c.id === room.current);

  const urlView = isAuditView(location.requestedView) ? location.requestedView : undefined;
  const urlCase = cases.find((c) => c.id === location.requestedCase);
  const shown = useRef<string | undefined>(undefined);
  let followed = following ? cases.find((c) => c.id === roomCase?.id) : undefined;
  const held = !!followed && !!editing && !!shown.current && shown.current !== followed.id && cases.some((c) => c.id === shown.current);
  if (held) followed = cases.find((c) => c.id === shown.current);
  const view = followed ? undefined : urlView;
  const current = view ? undefined : (followed ?? urlCase ?? cases[0]);
  const currentId = current?.id;
  shown.current = currentId;

  // Screen-reader users following the room hear where it went.
  const announced = useRef(roomCase?.id);
  useEffect(() => {
    if (announced.current === roomCase?.id) return;
    const first = announced.current === undefined;
    announced.current = roomCase?.id;
    if (roomCase && following && !isChair && !first) announce(`The chair moved the room to ${roomCase.label}`);
  }, [roomCase, following, isChair, announce]);

  // Before the chair opens a case there is nothing to follow: choosing one does not stop following.
  const showCase = useCallback(
    (caseId: string) => go(`?case=${encodeURIComponent(caseId)}`, roomCase ? false : following),
    [go, roomCase, following],
  );
  const selectCase = useCallback(
    (caseId: string) => {
      if (!isChair || !following) return showCase(caseId);
      if (caseId !== meeting.currentCaseId) moveRoom(connection.doc, ids, caseId);
      go(`?case=${encodeURIComponent(caseId)}`, true);
    },
    [isChair, following, meeting.currentCaseId, connection.doc, ids, go, showCase],
  );
  const selectView = useCallback((id: AuditViewId) => go(`?view=${id}`, false), [go]);
  const setFollowing = useCallback(
    (on: boolean) => {
      const here = currentId ? `?case=${encodeURIComponent(currentId)}` : view ? `?view=${view}` : "";
      if (on) go(roomCase ? `?case=${encodeURIComponent(roomCase.id)}` : here, true);
      else go(here, false);
    },
    [go, roomCase, currentId, view],
  );
  const step = useCallback(
    (delta: 1 | -1) => {
      const index = currentId ? ids.indexOf(currentId) : -1;
      const target = index === -1 ? ids[0] : ids[index + delta];
      if (target) selectCase(target);
    },
    [currentId, ids, selectCase],
  );

  const context = useMemo<MeetingContextValue>(
    () => ({
      doc: connection.doc,
      status,
      meeting,
      budgets,
      cases: caseRefs,
      isChair,
      roomCase,
      following,
      setFollowing,
      sound,
      setSound,
      showShortcuts,
    }),
    [connection.doc, status, meeting, budgets, caseRefs, isChair, roomCase, following, setFollowing, sound, setSound, showShortcuts],
  );

  return {
    context,
    view,
    current,
    focusCardId: followed ? undefined : location.card,
    held,
    selectCase,
    showCase,
    selectView,
    step,
  };
}
