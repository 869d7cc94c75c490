/** The board once opened: the connection and its ends (membership removed, session ended, refused). */
import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { AuditView } from "../../../shared/domain/audit.ts";
import { api } from "../../api/client.ts";
import type { BoardContextValue } from "../../board/BoardContext.tsx";
import { type BoardEnd, useBoardConnection } from "../../collab/useBoardConnection.ts";
import { SESSION_ENDED, useSession } from "../../session/SessionContext.tsx";
import { ConnectedBoard } from "./ConnectedBoard.tsx";
import { useBoardLocation } from "./useBoardLocation.ts";

export interface BoardViewProps {
  audit: AuditView;
  user: BoardContextValue["user"];
  announce: (message: string) => void;
}

export function BoardView({ audit, user, announce }: BoardViewProps) {
  const { connection, access, ended, editsRejectedAt, linkPaused } = useBoardConnection(audit.id, {
    readOnly: !audit.access.canEdit,
    frozen: audit.freeze.frozen,
  });
  const location = useBoardLocation();
  if (ended) return <BoardEnded audit={audit} why={ended} />;
  if (!connection) return <p className="page">Connecting…</p>;
  return (
    <ConnectedBoard
      audit={audit}
      user={user}
      announce={announce}
      connection={connection}
      access={access}
      editsRejectedAt={editsRejectedAt}
      linkPaused={linkPaused}
      location={location}
    />
  );
}

function BoardEnded({ audit, why }: { audit: AuditView; why: BoardEnd }) {
  const { end } = useSession();
  const [refusal, setRefusal] = useState<string>();
  useEffect(() => {
    if (why === "session-ended") end(SESSION_ENDED);
    if (why !== "refused") return;
    // Refused: either the session is gone (the 401 sends the person to sign in) or the membership is.
    api.touchSession().then(
      () => setRefusal("The server refused this board: you are not, or no longer, a member of this audit."),
      () => setRefusal("The server refused this board."),
    );
  }, [why, end]);
  if (why === "session-ended") return <p className="page">{SESSION_ENDED}</p>;
  return (
    <main className="page narrow" id="main">
      <h1>{audit.title}</h1>
      <p role="alert" className="notice warning">
        {why === "membership-removed" ? "You are no longer a member of this audit." : (refusal ?? "Checking your access…")}
      </p>
      <p>Ask the audit's chair if you think this is a mistake.</p>
      <p>
        <Link to="/">Back to the audits</Link>
      </p>
    </main>
  );
}
