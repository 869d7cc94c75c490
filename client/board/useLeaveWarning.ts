/**
 * While `active` (offline with edits the server has not confirmed), leaving the board would lose
 * them: they live only in this page's memory. The browser asks before the page is closed or
 * reloaded, and the app's own exits (nav links, sign out) ask through confirmLeavingUnsavedWork.
 */
import { useEffect } from "react";

let unsavedWork = false;

export function useLeaveWarning(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    unsavedWork = true;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => {
      unsavedWork = false;
      window.removeEventListener("beforeunload", warn);
    };
  }, [active]);
}

/** True when nothing unsaved would be lost, or the person chose to leave anyway. */
export function confirmLeavingUnsavedWork(): boolean {
  return (
    !unsavedWork ||
    window.confirm("You are offline and some changes are not saved yet. They will be lost if you leave this board. Leave anyway?")
  );
}
