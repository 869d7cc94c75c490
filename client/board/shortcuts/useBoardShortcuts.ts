/**
 * Listens for the board's single-key shortcuts on the page (never while typing or in a dialog).
 * They can be turned off in the help dialog (WCAG 2.1.4): the buttons do everything they do.
 */
import { useEffect, useRef } from "react";
import { type ShortcutId, shortcutFor } from "./shortcuts.ts";

export function useBoardShortcuts(enabled: boolean, handle: (id: ShortcutId) => boolean): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (shortcut && latest.current(shortcut.id)) event.preventDefault();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
