/**
 * The live board: header (status, me, links), the chair's sign-off controls, the read-only or
 * frozen banner, case agenda, the selected case or audit-level view (sections, themes, action
 * plan), presence.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ROLE_TITLES } from "../../../shared/domain/account.ts";
import { AppNav } from "../../app/AppNav.tsx";
import { AgencyFilter } from "../../board/AgencyFilter.tsx";
import { AuditView } from "../../board/AuditView.tsx";
import { BoardContext, type BoardContextValue, BoardStaticContext, type BoardStaticValue } from "../../board/BoardContext.tsx";
import { CaseAgenda } from "../../board/CaseAgenda.tsx";
import { CaseView } from "../../board/CaseView.tsx";
import { PresenceList } from "../../board/PresenceList.tsx";
import { ReadOnlyBanner } from "../../board/ReadOnlyBanner.tsx";
import { SaveStatus } from "../../board/SaveStatus.tsx";
import { useAgenda } from "../../board/selectors.ts";
import { EditsRejectedNotice } from "../../board/signoff/EditsRejectedNotice.tsx";
import { FrozenBanner } from "../../board/signoff/FrozenBanner.tsx";
import { SignOffBar } from "../../board/signoff/SignOffBar.tsx";
import { useFreezeState } from "../../board/signoff/useFreezeState.ts";
import { AUDIT_VIEW_TITLES, type AuditViewId, isAuditView, viewFromPresenceKey, viewPresenceKey } from "../../board/views.ts";
import type { BoardConnection, LiveAccess, SaveState } from "../../collab/useBoardConnection.ts";
import { setEditingCard, usePresence, usePublishPresence } from "../../collab/usePresence.ts";
import { preloadEditor } from "../../editor/SharedText.tsx";
import { useCurrentUser } from "../../session/SessionContext.tsx";
import { snapshotPath } from "../../snapshots/format.ts";
import type { BoardViewProps } from "./BoardView.tsx";

interface ConnectedBoardProps extends BoardViewProps {
  connection: BoardConnection;
  saveState: SaveState;
  access: LiveAccess;
  editsRejectedAt: number | undefined;
}

export function ConnectedBoard({ audit, user, announce, connection, saveState, access, editsRejectedAt }: ConnectedBoardProps) {
  const { doc, provider } = connection;
  const { readOnly, frozen } = access;
  const freeze = useFreezeState(audit, frozen);
  const role = access.role ?? audit.access.role ?? "observer";
  // Live: a chair made attendee loses the links at once, an attendee made chair gets them.
  const isAdmin = useCurrentUser().admin;
  const canManage = isAdmin || role === "chair";
  useEffect(preloadEditor, []);
  const cases = useAgenda(doc);
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<string>();
  const [agencyFilter, setAgencyFilter] = useState<string>();
  const requested = params.get("case") ?? undefined;
  // "?case=across-cases" was the address of the issues section before there were other views.
  const requestedView = params.get("view") ?? (requested === "across-cases" ? "acrossCases" : undefined);
  const view: AuditViewId | undefined = isAuditView(requestedView) ? requestedView : undefined;
  const current = view ? undefined : (cases.find((c) => c.id === requested) ?? cases[0]);
  usePublishPresence(provider, user, view ? viewPresenceKey(view) : current?.id);
  const people = usePresence(provider);

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
    } else if (readOnly) announce("You are now observing this audit: the board is read-only.");
    else announce("You can now edit this board.");
  }, [readOnly, frozen, provider, announce]);

  const stable = useMemo<BoardStaticValue>(
    () => ({ audit, doc, provider, user, setEditing, announce, readOnly, frozen, role }),
    [audit, doc, provider, user, announce, readOnly, frozen, role],
  );
  const context = useMemo<BoardContextValue>(() => ({ ...stable, people, editing, agencyFilter }), [stable, people, editing, agencyFilter]);
  const caseLabel = (key: string | undefined) => {
    const where = viewFromPresenceKey(key);
    return where ? AUDIT_VIEW_TITLES[where] : (cases.find((c) => c.id === key)?.label ?? "joining");
  };

  return (
    <BoardStaticContext.Provider value={stable}>
      <BoardContext.Provider value={context}>
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
          <SaveStatus state={saveState} />
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
        {role === "chair" && <SignOffBar auditId={audit.id} frozen={frozen} />}
        {frozen ? <FrozenBanner auditId={audit.id} freeze={freeze} /> : readOnly && <ReadOnlyBanner />}
        <EditsRejectedNotice at={editsRejectedAt} />
        <div className={readOnly ? "board-layout read-only" : "board-layout"}>
          <CaseAgenda
            cases={cases}
            selected={current?.id}
            onSelect={(id) => setParams({ case: id })}
            selectedView={view}
            onSelectView={(id) => setParams({ view: id })}
          />
          <main id="main" className="board-main" tabIndex={-1}>
            {!view && (
              <div className="board-tools">
                <AgencyFilter agencies={audit.agencies} value={agencyFilter} onChange={setAgencyFilter} />
              </div>
            )}
            {view && <AuditView view={view} />}
            {current && <CaseView key={current.id} item={current} focusCardId={params.get("card") ?? undefined} />}
            {!current && !view && <p>{readOnly ? "No cases yet." : "No cases yet. Add the first case from the agenda."}</p>}
          </main>
          <aside className="board-aside" aria-label="Presence">
            <PresenceList people={people} caseLabel={caseLabel} />
          </aside>
        </div>
      </BoardContext.Provider>
    </BoardStaticContext.Provider>
  );
}
