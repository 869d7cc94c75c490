/** The live board: header (status, me, links), read-only banner, case agenda, the selected case, presence. */
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ROLE_TITLES } from "../../../shared/domain/account.ts";
import { AppNav } from "../../app/AppNav.tsx";
import { AcrossCasesView } from "../../board/AcrossCasesView.tsx";
import { AgencyFilter } from "../../board/AgencyFilter.tsx";
import { BoardContext, type BoardContextValue } from "../../board/BoardContext.tsx";
import { ACROSS_CASES, CaseAgenda } from "../../board/CaseAgenda.tsx";
import { CaseView } from "../../board/CaseView.tsx";
import { PresenceList } from "../../board/PresenceList.tsx";
import { ReadOnlyBanner } from "../../board/ReadOnlyBanner.tsx";
import { SaveStatus } from "../../board/SaveStatus.tsx";
import { useAgenda } from "../../board/selectors.ts";
import type { BoardConnection, LiveAccess, SaveState } from "../../collab/useBoardConnection.ts";
import { setEditingCard, usePresence, usePublishPresence } from "../../collab/usePresence.ts";
import { preloadEditor } from "../../editor/SharedText.tsx";
import { useCurrentUser } from "../../session/SessionContext.tsx";
import type { BoardViewProps } from "./BoardView.tsx";

interface ConnectedBoardProps extends BoardViewProps {
  connection: BoardConnection;
  saveState: SaveState;
  access: LiveAccess;
}

export function ConnectedBoard({ audit, user, announce, connection, saveState, access }: ConnectedBoardProps) {
  const { doc, provider } = connection;
  const readOnly = access.readOnly;
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
  const selected = requested === ACROSS_CASES || cases.some((c) => c.id === requested) ? requested : cases[0]?.id;
  const current = cases.find((c) => c.id === selected);
  usePublishPresence(provider, user, selected);
  const people = usePresence(provider);

  // A switch to read-only closes any open editor; either switch is announced.
  const wasReadOnly = useRef(readOnly);
  useEffect(() => {
    if (wasReadOnly.current === readOnly) return;
    wasReadOnly.current = readOnly;
    if (readOnly) {
      setEditing(undefined);
      setEditingCard(provider, undefined);
      announce("You are now observing this audit: the board is read-only.");
    } else {
      announce("You can now edit this board.");
    }
  }, [readOnly, provider, announce]);

  const context = useMemo<BoardContextValue>(
    () => ({ audit, doc, provider, user, people, editing, setEditing, agencyFilter, announce, readOnly }),
    [audit, doc, provider, user, people, editing, agencyFilter, announce, readOnly],
  );
  const caseLabel = (caseId: string | undefined) =>
    caseId === ACROSS_CASES ? "Issues across cases" : (cases.find((c) => c.id === caseId)?.label ?? "joining");

  return (
    <BoardContext.Provider value={context}>
      <a className="skip-link" href="#main">
        Skip to the case
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
          {canManage && (
            <p className="board-links">
              <Link to={`/audits/${audit.id}/members`}>Members</Link>
              <Link to={`/audits/${audit.id}/trail`}>Audit trail</Link>
            </p>
          )}
        </div>
        <AppNav showIdentity={false} />
      </header>
      {readOnly && <ReadOnlyBanner />}
      <div className={readOnly ? "board-layout read-only" : "board-layout"}>
        <CaseAgenda cases={cases} selected={selected} onSelect={(id) => setParams({ case: id })} />
        <main id="main" className="board-main" tabIndex={-1}>
          <div className="board-tools">
            <AgencyFilter agencies={audit.agencies} value={agencyFilter} onChange={setAgencyFilter} />
          </div>
          {selected === ACROSS_CASES && <AcrossCasesView />}
          {current && <CaseView key={current.id} item={current} />}
          {!current && selected !== ACROSS_CASES && (
            <p>{readOnly ? "No cases yet." : "No cases yet. Add the first case from the agenda."}</p>
          )}
        </main>
        <aside className="board-aside" aria-label="Presence">
          <PresenceList people={people} caseLabel={caseLabel} />
        </aside>
      </div>
    </BoardContext.Provider>
  );
}
