/**
 * Who is signed in. On start it asks the server (GET /api/session); afterwards any 401 from the
 * API, or the board's socket closing with "session-ended", signs the page out with a notice.
 * While signed in, real activity (keys, pointer) keeps the server session alive.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { UserView } from "../../shared/domain/account.ts";
import { api } from "../api/client.ts";
import { setCsrfToken, setUnauthorizedHandler } from "../api/http.ts";
import { useKeepAlive } from "./useKeepAlive.ts";

export type SessionState =
  | { status: "loading" }
  /** `notice` says why (session ended, signed out); `keepPlace` sends the person back where they were after signing in. */
  | { status: "signed-out"; notice?: string; keepPlace: boolean }
  | { status: "signed-in"; user: UserView };

export interface Session {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Ends the session on this page (the server already ended it) and says why. */
  end: (notice: string) => void;
}

export const SESSION_ENDED = "Your session ended. Sign in again to carry on.";

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const end = useCallback((notice: string) => {
    setCsrfToken(undefined);
    setState((current) => (current.status === "signed-in" ? { status: "signed-out", notice, keepPlace: true } : current));
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => end(SESSION_ENDED));
    let current = true;
    api.getSession().then(
      (session) => {
        if (!current) return;
        setCsrfToken(session.csrfToken);
        setState({ status: "signed-in", user: session.user });
      },
      () => current && setState({ status: "signed-out", keepPlace: true }),
    );
    return () => {
      current = false;
      setUnauthorizedHandler(undefined);
    };
  }, [end]);

  const signIn = useCallback(async (email: string, password: string) => {
    const session = await api.signIn(email, password);
    setCsrfToken(session.csrfToken);
    setState({ status: "signed-in", user: session.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } finally {
      // Signed out here whatever the server said: the cookie is cleared or already useless.
      setCsrfToken(undefined);
      setState({ status: "signed-out", notice: "You have signed out.", keepPlace: false });
    }
  }, []);

  useKeepAlive(state.status === "signed-in");

  const value = useMemo<Session>(() => ({ state, signIn, signOut, end }), [state, signIn, signOut, end]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession() outside a SessionProvider");
  return value;
}

/** The signed-in person; only for components rendered behind RequireSession. */
export function useCurrentUser(): UserView {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("useCurrentUser() while not signed in");
  return state.user;
}
