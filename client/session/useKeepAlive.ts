/**
 * The server ends a session after 30 idle minutes. Someone reading the projected board and
 * typing into cards is not idle: on real activity (a key or a pointer press) the session is
 * touched, at most once a minute. A 401 from the touch ends the session on the page.
 */
import { useEffect } from "react";
import { api } from "../api/client.ts";

export const KEEP_ALIVE_EVERY_MS = 60_000;

export function useKeepAlive(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - last < KEEP_ALIVE_EVERY_MS) return;
      last = now;
      api.touchSession().catch(() => {
        // A 401 is handled by the session; a network error will show on the next real call.
      });
    };
    window.addEventListener("keydown", onActivity, { capture: true, passive: true });
    window.addEventListener("pointerdown", onActivity, { capture: true, passive: true });
    return () => {
      window.removeEventListener("keydown", onActivity, { capture: true });
      window.removeEventListener("pointerdown", onActivity, { capture: true });
    };
  }, [active]);
}
