/** Saved / Saving / Offline, announced politely to screen readers. */
import type { SaveState } from "../collab/useBoardConnection.ts";

const TEXT: Record<SaveState, string> = {
  connecting: "Connecting…",
  saving: "Saving…",
  saved: "Saved",
  offline: "Offline – changes will be sent when the connection returns",
};

export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <p className={`save-status save-${state}`} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {TEXT[state]}
    </p>
  );
}
