/**
 * Saved / Saving… / Offline — N unsaved changes. The visible status flips between Saving… and
 * Saved on every keystroke, so it is not itself a live region (aria-live="off"); screen readers
 * hear only the moments that matter: the connection lost (with the unsaved count then) and, once
 * back, everything saved.
 */
import { useEffect, useRef, useState } from "react";
import { type SaveStatusStore, type SaveStatus as Status, useSaveStatus } from "../collab/saveStatus.ts";
import { useLeaveWarning } from "./useLeaveWarning.ts";

function unsavedText(count: number): string {
  return count === 1 ? "1 unsaved change" : `${count} unsaved changes`;
}

function statusText({ state, unsaved }: Status): string {
  switch (state) {
    case "connecting":
      return "Connecting…";
    case "saving":
      return "Saving…";
    case "saved":
      return "Saved";
    case "offline":
      return unsaved === 0 ? "Offline — all changes saved" : `Offline — ${unsavedText(unsaved)}`;
  }
}

/** What to announce: going offline, and being saved again after that; nothing while people type. */
function useConnectionAnnouncement({ state, unsaved }: Status): string {
  const [message, setMessage] = useState("");
  const offline = useRef(false);
  useEffect(() => {
    if (state === "offline" && !offline.current) {
      offline.current = true;
      const kept = unsaved === 0 ? "All changes so far are saved." : `${unsavedText(unsaved)} not saved yet.`;
      setMessage(`Connection lost. ${kept} You can keep working; changes are sent when the connection returns.`);
    } else if (state === "saved" && offline.current) {
      offline.current = false;
      setMessage("Connection restored. All changes saved.");
    }
  }, [state, unsaved]);
  return message;
}

export function SaveStatus({ store }: { store: SaveStatusStore }) {
  const status = useSaveStatus(store);
  const announcement = useConnectionAnnouncement(status);
  // Unsaved edits live only in this page's memory: closing it offline would lose them.
  useLeaveWarning(status.state === "offline" && status.unsaved > 0);
  return (
    <>
      <p className={`save-status save-${status.state}`} role="status" aria-live="off">
        <span className="dot" aria-hidden="true" />
        {statusText(status)}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
