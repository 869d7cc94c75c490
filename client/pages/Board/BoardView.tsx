/** The board once joined: header (status, presence), case agenda, and the selected case. */
import { useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { AuditMeta } from "../../../shared/domain/audit.ts";
import { AcrossCasesView } from "../../board/AcrossCasesView.tsx";
import { AgencyFilter } from "../../board/AgencyFilter.tsx";
import { BoardContext, type BoardContextValue } from "../../board/BoardContext.tsx";
import { ACROSS_CASES, CaseAgenda } from "../../board/CaseAgenda.tsx";
import { CaseView } from "../../board/CaseView.tsx";
import { PresenceList } from "../../board/PresenceList.tsx";
import { SaveStatus } from "../../board/SaveStatus.tsx";
import { useAgenda } from "../../board/selectors.ts";
import { type BoardConnection, useBoardConnection } from "../../collab/useBoardConnection.ts";
import { usePresence, usePublishPresence } from "../../collab/usePresence.ts";
import { preloadEditor } from "../../editor/SharedText.tsx";

interface BoardViewProps {
  audit: AuditMeta;
  user: BoardContextValue["user"];
  announce: (message: string) => void;
}

export function BoardView({ audit, user, announce }: BoardViewProps) {
  const { connection, saveState, refused } = useBoardConnection(audit.id);
  if (refused)
    return (
      <p role="alert" className="page">
        The server refused this board.
      </p>
    );
  if (!connection) return <p className="page">Connecting…</p>;
  return <ConnectedBoard audit={audit} user={user} announce={announce} connection={connection} saveState={saveState} />;
}

function ConnectedBoard({
  audit,
  user,
  announce,
  connection,
  saveState,
}: BoardViewProps & { connection: BoardConnection; saveState: ReturnType<typeof useBoardConnection>["saveState"] }) {
  const { doc, provider } = connection;
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

  const context = useMemo<BoardContextValue>(
    () => ({ audit, doc, provider, user, people, editing, setEditing, agencyFilter, announce }),
    [audit, doc, provider, user, people, editing, agencyFilter, announce],
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
        <p className="me">
          You: <strong>{user.name}</strong>, {user.agency}
        </p>
      </header>
      <div className="board-layout">
        <CaseAgenda cases={cases} selected={selected} onSelect={(id) => setParams({ case: id })} />
        <main id="main" className="board-main" tabIndex={-1}>
          <div className="board-tools">
            <AgencyFilter agencies={audit.agencies} value={agencyFilter} onChange={setAgencyFilter} />
          </div>
          {selected === ACROSS_CASES && <AcrossCasesView />}
          {current && <CaseView key={current.id} item={current} />}
          {!current && selected !== ACROSS_CASES && <p>No cases yet. Add the first case from the agenda.</p>}
        </main>
        <aside className="board-aside" aria-label="Presence">
          <PresenceList people={people} caseLabel={caseLabel} />
        </aside>
      </div>
    </BoardContext.Provider>
  );
}
