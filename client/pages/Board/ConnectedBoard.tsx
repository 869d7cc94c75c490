/**
 * The live board: header (status, me, links), the meeting bar (room, timer, following), the
 * chair's sign-off controls, the read-only or frozen banner, case agenda, the shown case or
 * audit-level view (concerns, sections, themes, action plan), presence; keyboard shortcuts.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { COLUMN_IDS } from "../../../shared/board/index.ts";
import { ROLE_TITLES } from "../../../shared/domain/account.ts";
import { pauseTimer, startTimer } from "../../../shared/meeting/index.ts";
import { AppNav } from "../../app/AppNav.tsx";
import { AgencyFilter } from "../../board/AgencyFilter.tsx";
import { AuditView } from "../../board/AuditView.tsx";
import { addCardAndEdit } from "../../board/addCardAndEdit.ts";
import { BoardContext, type BoardContextValue, BoardStaticContext, type BoardStaticValue } from "../../board/BoardContext.tsx";
import { CaseAgenda } from "../../board/CaseAgenda.tsx";
import { CaseView } from "../../board/CaseView.tsx";
import { LinkPausedNotice } from "../../board/LinkPausedNotice.tsx";
import { PresenceList } from "../../board/PresenceList.tsx";
import { ReadOnlyBanner } from "../../board/ReadOnlyBanner.tsx";
import { SaveStatus } from "../../board/SaveStatus.tsx";
import { SchemaUpgradedBanner } from "../../board/SchemaUpgradedBanner.tsx";
import { useAgenda } from "../../board/selectors.ts";
import { ShortcutHelpDialog } from "../../board/shortcuts/ShortcutHelpDialog.tsx";
import type { ShortcutId } from "../../board/shortcuts/shortcuts.ts";
import { useBoardShortcuts } from "../../board/shortcuts/useBoardShortcuts.ts";
import { EditsRejectedNotice } from "../../board/signoff/EditsRejectedNotice.tsx";
import { FrozenBanner } from "../../board/signoff/FrozenBanner.tsx";
import { SignOffBar } from "../../board/signoff/SignOffBar.tsx";
import { useFreezeState } from "../../board/signoff/useFreezeState.ts";
import { useSchemaUpgraded } from "../../board/useSchemaUpgraded.ts";
import { AUDIT_VIEW_TITLES, viewFromPresenceKey, viewPresenceKey } from "../../board/views.ts";
import type { BoardConnection, LiveAccess } from "../../collab/useBoardConnection.ts";
import { setEditingCard, usePresence, usePublishPresence } from "../../collab/usePresence.ts";
import { preloadEditor } from "../../editor/SharedText.tsx";
import { MeetingBar } from "../../meeting/MeetingBar.tsx";
import { MeetingContext } from "../../meeting/MeetingContext.tsx";
import { useLocalSetting } from "../../meeting/useLocalSetting.ts";
import { useCurrentUser } from "../../session/SessionContext.tsx";
import { snapshotPath } from "../../snapshots/format.ts";
import type { BoardViewProps } from "./BoardView.tsx";
import type { BoardLocation } from "./useBoardLocation.ts";
import { useMeetingNavigation } from "./useMeetingNavigation.ts";

interface ConnectedBoardProps extends BoardViewProps {
  connection: BoardConnection;
  access: LiveAccess;
  editsRejectedAt: number | undefined;
  linkPaused: boolean;
  location: BoardLocation;
}

export function ConnectedBoard({ audit, user, announce, connection, access, editsRejectedAt, linkPaused, location }: ConnectedBoardProps) {
  const { doc, provider } = connection;
  // A board upgraded by a newer release after this page loaded is read-only here until reloaded.
  const upgraded = useSchemaUpgraded(doc);
  const readOnly = access.readOnly || upgraded;
  const { frozen } = access;
  const freeze = useFreezeState(audit, frozen);
  const role = access.role ?? audit.access.role ?? "observer";
  // Live: a chair made attendee loses the links at once, an attendee made chair gets them.
  const isAdmin = useCurrentUser().admin;
  const canManage = isAdmin || role === "chair";
  useEffect(preloadEditor, []);
  const cases = useAgenda(doc);
  const [editing, setEditing] = useState<string>();
  const [agencyFilter, setAgencyFilter] = useState<string>();
  const [helpOpen, setHelpOpen] = useState(false);
  const [shortcutsOn, setShortcutsOn] = useLocalSetting("maca.shortcuts", true);
  const showShortcuts = useCallback(() => setHelpOpen(true), []);
  const isChair = role === "chair";
  const nav = useMeetingNavigation({ location, meeting: connection.meeting, cases, isChair, editing, announce, showShortcuts });
  const { view, current } = nav;
  usePublishPresence(provider, user, view ? viewPresenceKey(view) : current?.id);
  const everyone = usePresence(provider);
  const people = useMemo(() => everyone.filter((p) => !p.projector), [everyone]);
  const screens = useMemo(() => everyone.filter((p) => p.projector), [everyone]);

  // The case changed under the keyboard (the room moved): focus goes to the board, not the page's top.
  const shownId = current?.id ?? view;
  const shownBefore = useRef(shownId);
  useEffect(() => {
    if (shownBefore.current === shownId) return;
    shownBefore.current = shownId;
    if (document.activeElement === document.body) document.getElementById("main")?.focus({ preventScroll: true });
  }, [shownId]);

  // A switch to read-only closes any open editor; every switch, and a freeze or reopening, is announced.
  const was = useRef({ readOnly, frozen });
  useEffect(() => {
    const before = was.current;
    if (before.readOnly === readOnly && before.frozen === frozen) return;
    was.current = { readOnly, frozen };
    if (readOnly && !before.readOnly) {
      setEditing(undefined);
      setEditingCard(provider, undefined);
    }
    if (frozen && !before.frozen) announce("The audit has been frozen and signed off: the board is now read-only for everyone.");
    else if (!frozen && before.frozen) {
      announce(
        readOnly
          ? "The audit was reopened. As an observer you can follow the board."
          : "The audit was reopened: you can edit the board again.",
      );
    } else if (upgraded) {
      // The banner says so (an alert).
    } else if (readOnly) announce("You are now observing this audit: the board is read-only.");
    else announce("You can now edit this board.");
  }, [readOnly, frozen, upgraded, provider, announce]);

  const stable = useMemo<BoardStaticValue>(
    () => ({ audit, doc, provider, user, setEditing, announce, readOnly, frozen, role }),
    [audit, doc, provider, user, announce, readOnly, frozen, role],
  );
  const context = useMemo<BoardContextValue>(() => ({ ...stable, people, editing, agencyFilter }), [stable, people, editing, agencyFilter]);
  const onShortcut = (id: ShortcutId): boolean => {
    const timer = nav.context.meeting.timer;
    switch (id) {
      case "help":
        setHelpOpen(true);
        return true;
      case "next":
      case "previous":
        nav.step(id === "next" ? 1 : -1);
        return true;
      case "add1":
      case "add2":
      case "add3":
        if (readOnly || !current) return false;
        addCardAndEdit(stable, current.id, COLUMN_IDS[Number(id.slice(3)) - 1]);
        return true;
      case "timer":
        if (!isChair || !timer) return false;
        if (timer.state === "running") pauseTimer(connection.meeting.doc);
        else startTimer(connection.meeting.doc);
        announce(timer.state === "running" ? "Timer paused" : "Timer started");
        return true;
      case "back":
        if (nav.context.following || !nav.context.roomCase) return false;
        nav.context.setFollowing(true);
        return true;
    }
  };
  useBoardShortcuts(shortcutsOn, onShortcut);

  const caseLabel = (key: string | undefined) => {
    const where = viewFromPresenceKey(key);
    return where ? AUDIT_VIEW_TITLES[where] : (cases.find((c) => c.id === key)?.label ?? "joining");
  };

  return (
    <BoardStaticContext.Provider value={stable}>
      <BoardContext.Provider value={context}>
        <MeetingContext.Provider value={nav.context}>
          <a className="skip-link" href="#main">
            {view ? `Skip to ${AUDIT_VIEW_TITLES[view]}` : "Skip to the case"}
          </a>
          <header className="app-header board-header">
            <div className="board-title">
              <p className="brand">
                <Link to="/">MACA Board</Link>
              </p>
              <h1>{audit.title}</h1>
              <p className="audit-theme">{audit.theme}</p>
            </div>
            <SaveStatus store={connection.saveStatus} />
            <div className="board-me">
              <p className="me">
                You: <strong>{user.name}</strong>, {user.agency} <span className="role-tag">{ROLE_TITLES[role]}</span>
              </p>
              <div className="board-link-row">
                <p className="board-snapshots">
                  <Link to={snapshotPath(audit.id)}>Snapshots</Link>
                </p>
                {canManage && (
                  <p className="board-links">
                    <Link to={`/audits/${audit.id}/members`}>Members</Link>
                    <Link to={`/audits/${audit.id}/trail`}>Audit trail</Link>
                  </p>
                )}
              </div>
            </div>
            <AppNav showIdentity={false} />
          </header>
          <MeetingBar auditId={audit.id} announce={announce} held={nav.held} />
          {role === "chair" && <SignOffBar auditId={audit.id} frozen={frozen} />}
          {upgraded && <SchemaUpgradedBanner />}
          {frozen ? <FrozenBanner auditId={audit.id} freeze={freeze} /> : access.readOnly && <ReadOnlyBanner />}
          <EditsRejectedNotice at={editsRejectedAt} />
          <LinkPausedNotice paused={linkPaused} />
          <div className={readOnly ? "board-layout read-only" : "board-layout"}>
            <CaseAgenda
              cases={cases}
              selected={current?.id}
              onSelect={nav.selectCase}
              onAdded={nav.showCase}
              selectedView={view}
              onSelectView={nav.selectView}
            />
            <main id="main" className="board-main" tabIndex={-1}>
              {!view && (
                <div className="board-tools">
                  <AgencyFilter agencies={audit.agencies} value={agencyFilter} onChange={setAgencyFilter} />
                </div>
              )}
              {view && <AuditView view={view} />}
              {current && <CaseView key={current.id} item={current} focusCardId={nav.focusCardId} />}
              {!current && !view && <p>{readOnly ? "No cases yet." : "No cases yet. Add the first case from the agenda."}</p>}
            </main>
            <aside className="board-aside" aria-label="Presence">
              <PresenceList people={people} screens={screens} caseLabel={caseLabel} />
            </aside>
          </div>
          <ShortcutHelpDialog
            open={helpOpen}
            onClose={() => setHelpOpen(false)}
            isChair={isChair}
            canEdit={!readOnly}
            enabled={shortcutsOn}
            onEnabledChange={setShortcutsOn}
          />
        </MeetingContext.Provider>
      </BoardContext.Provider>
    </BoardStaticContext.Provider>
  );
}
