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
    const update = () => {
      if (provider.configuration.websocketProvider.status !== "connected") setSaveState(provider.isSynced ? "offline" : "connecting");
      else if (!provider.isSynced) setSaveState("connecting");
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
