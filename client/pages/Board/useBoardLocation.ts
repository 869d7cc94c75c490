/**
 * Where my board is, and whether it follows the room. The address says what I last chose (`?case=`,
 * `?view=`, `?card=`); while I follow, the room's case is shown whatever it says. Choosing a case or
 * view myself (the agenda, a link, the keyboard, the browser's back button) is browsing: every
 * change of address this page did not make itself stops the following.
 *
 * A board opened on a view or a card (a link from the action plan, say) starts browsing.
 *
 * Used above the connection (BoardView), so following or browsing survives the new connection
 * a role change or a freeze brings.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";

export interface BoardLocation {
  /** `?case=` */
  requestedCase: string | undefined;
  /** `?view=` (or the old `?case=across-cases`) */
  requestedView: string | undefined;
  /** `?card=` */
  card: string | undefined;
  following: boolean;
  /** Goes to `search` ("?case=…"), following the room afterwards or not. */
  go: (search: string, follow: boolean) => void;
  /**
   * The room's case as last known: a new connection (after a role change or a freeze) starts with
   * an empty meeting replica, and the board stays where the room was until it is synced.
   */
  lastRoomCase: { current: string | undefined };
}

export function useBoardLocation(): BoardLocation {
  const location = useLocation();
  const navigate = useNavigate();
  const params = new URLSearchParams(location.search);
  const [following, setFollowing] = useState(() => !params.has("view") && !params.has("card"));
  // Addresses this page went to itself, oldest first: several may be on their way at once (keys
  // pressed quickly), and reaching any of them is not the person browsing.
  const mine = useRef<string[]>([]);
  const lastRoomCase = useRef<string | undefined>(undefined);
  const seen = useRef(location.search);
  useEffect(() => {
    if (location.search === seen.current) return;
    seen.current = location.search;
    const at = mine.current.indexOf(location.search);
    if (at === -1) setFollowing(false);
    else mine.current = mine.current.slice(at + 1);
  }, [location.search]);

  const go = useCallback(
    (search: string, follow: boolean) => {
      setFollowing(follow);
      // The address as it is now, not as this render saw it.
      if (search === window.location.search) return;
      mine.current.push(search);
      navigate({ search });
    },
    [navigate],
  );

  const requested = params.get("case") ?? undefined;
  return {
    requestedCase: requested,
    // "?case=across-cases" was the address of the issues section before there were other views.
    requestedView: params.get("view") ?? (requested === "across-cases" ? "acrossCases" : undefined),
    card: params.get("card") ?? undefined,
    following,
    go,
    lastRoomCase,
  };
}
