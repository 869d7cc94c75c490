/**
 * The provider lifecycle for one audit's board. The Y.Doc and provider are created inside the
 * effect and destroyed in its cleanup, so React StrictMode's double mount cannot leave a dead one.
 *
 * The browser's session cookie authenticates the socket (no token). The server decides what this
 * connection may do and says so: the authorised scope on connect, an "access-changed" stateless
 * message when a chair changes the person's role, and a close reason when the membership or the
 * session ends.
 */
import { HocuspocusProvider, type onAuthenticatedParameters, type onCloseParameters } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import type { Role } from "../../shared/domain/account.ts";
import { parseAccessChanged } from "../../shared/domain/liveAccess.ts";

export type SaveState = "saved" | "saving" | "offline" | "connecting";

/** Why the board went away for good: membership removed, session ended, or the connection refused. */
export type BoardEnd = "membership-removed" | "session-ended" | "refused";

export interface BoardConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
}

export interface LiveAccess {
  readOnly: boolean;
  /** Set once the server has told this page about a role change. */
  role?: Role;
}

function collabUrl(): string {
  const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${window.location.host}/collab`;
}

export function useBoardConnection(
  auditId: string,
  initiallyReadOnly: boolean,
): { connection?: BoardConnection; saveState: SaveState; access: LiveAccess; ended?: BoardEnd } {
  const [connection, setConnection] = useState<BoardConnection>();
  const [saveState, setSaveState] = useState<SaveState>("connecting");
  const [access, setAccess] = useState<LiveAccess>({ readOnly: initiallyReadOnly });
  const [ended, setEnded] = useState<BoardEnd>();
  // Bumped on a role change: the server may have dropped this replica's last edits, which would
  // leave a gap in its history that blocks every later edit, so the page starts a fresh replica.
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation must restart the connection.
  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({ url: collabUrl(), name: auditId, document: doc });
    let destroyed = false;
    const destroy = () => {
      if (destroyed) return;
      destroyed = true;
      provider.destroy();
      doc.destroy();
    };
    const end = (why: BoardEnd) => {
      setEnded(why);
      // Not from inside the provider's own event dispatch.
      setTimeout(destroy, 0);
    };
    // The provider forgets it was synced when the socket drops; "offline" needs to remember it.
    let everSynced = false;
    const update = () => {
      if (destroyed) return;
      everSynced ||= provider.isSynced;
      const connected = provider.configuration.websocketProvider.status === "connected";
      if (!connected) setSaveState(everSynced ? "offline" : "connecting");
      else if (!provider.isSynced) setSaveState(everSynced ? "saving" : "connecting");
      else setSaveState(provider.hasUnsyncedChanges ? "saving" : "saved");
    };
    provider.on("status", update);
    provider.on("synced", update);
    provider.on("unsyncedChanges", update);
    provider.on("authenticated", ({ scope }: onAuthenticatedParameters) => setAccess((a) => ({ ...a, readOnly: scope === "readonly" })));
    provider.on("stateless", ({ payload }: { payload: string }) => {
      const message = parseAccessChanged(payload);
      if (!message) return;
      setAccess({ readOnly: message.readOnly, role: message.role });
      setTimeout(() => setGeneration((g) => g + 1), 0);
    });
    provider.on("close", ({ event }: onCloseParameters) => {
      if (event.reason === "membership-removed" || event.reason === "session-ended") end(event.reason);
    });
    provider.on("authenticationFailed", () => end("refused"));
    setConnection({ doc, provider });
    return () => {
      destroy();
      setConnection(undefined);
    };
  }, [auditId, generation]);

  return { connection, saveState, access, ended };
}
