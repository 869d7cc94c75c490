/**
 * The provider lifecycle for one audit's board. The Y.Doc and provider are created inside the
 * effect and destroyed in its cleanup, so React StrictMode's double mount cannot leave a dead one.
 */
import { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import * as Y from "yjs";

export type SaveState = "saved" | "saving" | "offline" | "connecting";

export interface BoardConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
}

function collabUrl(): string {
  const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${window.location.host}/collab`;
}

export function useBoardConnection(auditId: string): { connection?: BoardConnection; saveState: SaveState; refused: boolean } {
  const [connection, setConnection] = useState<BoardConnection>();
  const [saveState, setSaveState] = useState<SaveState>("connecting");
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({ url: collabUrl(), name: auditId, document: doc });
    // The provider forgets it was synced when the socket drops; "offline" needs to remember it.
    let everSynced = false;
    const update = () => {
      everSynced ||= provider.isSynced;
      const connected = provider.configuration.websocketProvider.status === "connected";
      if (!connected) setSaveState(everSynced ? "offline" : "connecting");
      else if (!provider.isSynced) setSaveState(everSynced ? "saving" : "connecting");
      else setSaveState(provider.hasUnsyncedChanges ? "saving" : "saved");
    };
    provider.on("status", update);
    provider.on("synced", update);
    provider.on("unsyncedChanges", update);
    provider.on("authenticationFailed", () => setRefused(true));
    setConnection({ doc, provider });
    return () => {
      provider.destroy();
      doc.destroy();
      setConnection(undefined);
    };
  }, [auditId]);

  return { connection, saveState, refused };
}
