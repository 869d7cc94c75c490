/** Routes behind sign-in: shows a wait while the session is checked, sends signed-out people to /sign-in. */
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useSession } from "./SessionContext.tsx";

export interface SignInState {
  /** Where to go after signing in. */
  from?: string;
}

export function RequireSession({ children, admin = false }: { children: ReactNode; admin?: boolean }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === "loading") {
    return (
      <p className="page" role="status">
        Checking your session…
      </p>
    );
  }
  if (state.status === "signed-out") {
    const from = state.keepPlace ? `${location.pathname}${location.search}` : undefined;
    return <Navigate to="/sign-in" replace state={{ from } satisfies SignInState} />;
  }
  if (admin && !state.user.admin) {
    return (
      <main className="page narrow" id="main">
        <h1>Admins only</h1>
        <p>This page is for the partnership's admins.</p>
      </main>
    );
  }
  return children;
}
