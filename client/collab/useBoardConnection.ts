/**
 * The provider lifecycle for one audit's board. The Y.Doc and provider are created inside the
 * effect and destroyed in its cleanup, so React StrictMode's double mount cannot leave a dead one.
 *
 * The browser's session cookie authenticates the socket (no token). The server decides what this
 * connection may do and says so: the authorised scope on connect, an "access-changed" stateless
 * message when a chair changes the person's role or freezes or reopens the audit, an "edit-rejected"
 * message when it refused a change this page sent (the audit was frozen), and a close reason when
 * the membership or the session ends.
 *
 * The meeting state (`<auditId>:meeting`, writable for chairs only) shares the board's socket and
 * is rebuilt with it: a role change that made someone chair (or no longer chair) takes a fresh
 * connection for the server to grant the new rights.
 */
import type { HocuspocusProvider, onAuthenticatedParameters, onCloseParameters } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import type { Role } from "../../shared/domain/account.ts";
import { parseAccessChanged, parseClusterLink, parseEditRejected } from "../../shared/domain/liveAccess.ts";
import { adoptEarlyBoard, openBoardSocket } from "./earlyBoard.ts";
import { type MeetingConnection, openMeeting } from "./meetingConnection.ts";
import { type SaveStatusStore, watchSaveStatus } from "./saveStatus.ts";

/** Why the board went away for good: membership removed, session ended, or the connection refused. */
export type BoardEnd = "membership-removed" | "session-ended" | "refused";

export interface BoardConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** The meeting state (current case, timer...), its own document on the same socket. */
  meeting: MeetingConnection;
  /** Saved, saving or offline with the number of unsaved edits, for both documents. */
  saveStatus: SaveStatusStore;
}

export interface LiveAccess {
  readOnly: boolean;
  /** Set once the server has told this page about a role change. */
  role?: Role;
  /** The audit is frozen (signed off): read-only for everyone until the chair reopens it. */
  frozen: boolean;
}

export interface BoardConnectionState {
  connection?: BoardConnection;
  access: LiveAccess;
  ended?: BoardEnd;
  /**
   * When the server last refused this person's edits because the audit was frozen (epoch ms), or
   * when the freeze arrived while some of their edits had not been confirmed (they never will be).
   */
  editsRejectedAt?: number;
  /** This page's server node has lost its link to the others: people on them are not seen live. */
  linkPaused: boolean;
}

export function useBoardConnection(auditId: string, initially: { readOnly: boolean; frozen: boolean }): BoardConnectionState {
  const [connection, setConnection] = useState<BoardConnection>();
  const [access, setAccess] = useState<LiveAccess>({ readOnly: initially.readOnly || initially.frozen, frozen: initially.frozen });
  const [ended, setEnded] = useState<BoardEnd>();
  const [editsRejectedAt, setEditsRejectedAt] = useState<number>();
  const [linkPaused, setLinkPaused] = useState(false);
  // Bumped on a role change: the server may have dropped this replica's last edits, which would
  // leave a gap in its history that blocks every later edit, so the page starts a fresh replica.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    // The page's first board connection was opened while the page loaded; later ones (a new
    // generation, another audit) are opened here.
    const early = generation === 0 ? adoptEarlyBoard(auditId) : undefined;
    const { doc, socket, provider } = early ?? openBoardSocket(auditId);
    const meeting = openMeeting(auditId, socket);
    const saveStatus = watchSaveStatus(provider, meeting);
    // After a long outage the provider's next retry can be half a minute away: try at once when the
    // browser says the network is back.
    const reconnect = () => void socket.connect();
    window.addEventListener("online", reconnect);
    let destroyed = false;
    const destroy = () => {
      if (destroyed) return;
      destroyed = true;
      window.removeEventListener("online", reconnect);
      saveStatus.destroy();
      meeting.destroy();
      provider.destroy();
      socket.destroy();
      doc.destroy();
    };
    const end = (why: BoardEnd) => {
      setEnded(why);
      // Not from inside the provider's own event dispatch.
      setTimeout(destroy, 0);
    };
    // Whether this page changed the board since the server last confirmed everything it sent.
    let pendingEdits = false;
    doc.on("update", (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider) pendingEdits = true;
    });
    provider.on("unsyncedChanges", ({ number }: { number: number }) => {
      if (number === 0) pendingEdits = false;
    });
    const onAuthenticated = ({ scope }: Pick<onAuthenticatedParameters, "scope">) =>
      // A writable board cannot be frozen (the audit was reopened since the page loaded).
      setAccess((a) => ({ ...a, readOnly: scope === "readonly", frozen: scope === "readonly" && a.frozen }));
    const onStateless = ({ payload }: { payload: string }) => {
      const link = parseClusterLink(payload);
      if (link) {
        setLinkPaused(!link.connected);
        return;
      }
      if (parseEditRejected(payload)) {
        setEditsRejectedAt(Date.now());
        return;
      }
      const message = parseAccessChanged(payload);
      if (!message) return;
      const frozen = message.frozen ?? false;
      // Edits the server has not confirmed when the freeze arrives reached it after the freeze (it
      // answers in order), so they are refused; their "edit-rejected" may only come once this
      // replica is gone, so the page says so now.
      if (frozen && pendingEdits && provider.hasUnsyncedChanges) setEditsRejectedAt(Date.now());
      setAccess({ readOnly: message.readOnly, role: message.role, frozen });
      setTimeout(() => setGeneration((g) => g + 1), 0);
    };
    const onClose = ({ event }: onCloseParameters) => {
      // The next connection may be to another node, which says so on connecting if its link is down too.
      setLinkPaused(false);
      if (event.reason === "membership-removed" || event.reason === "session-ended") end(event.reason);
    };
    const onAuthenticationFailed = () => end("refused");
    provider.on("authenticated", onAuthenticated);
    provider.on("stateless", onStateless);
    provider.on("close", onClose);
    provider.on("authenticationFailed", onAuthenticationFailed);
    for (const event of early?.events ?? []) {
      if (event.name === "authenticated") onAuthenticated(event.args);
      else onStateless(event.args);
    }
    setConnection({ doc, provider, meeting, saveStatus });
    return () => {
      destroy();
      setConnection(undefined);
    };
  }, [auditId, generation]);

  return { connection, access, ended, editsRejectedAt, linkPaused };
}
