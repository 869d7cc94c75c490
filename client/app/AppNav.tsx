/** The signed-in person and where they can go: Audits, Account, Users and Audit trail (admins), Sign out. */
import { useState } from "react";
import { NavLink } from "react-router";
import { confirmLeavingUnsavedWork } from "../board/useLeaveWarning.ts";
import { useCurrentUser, useSession } from "../session/SessionContext.tsx";

export function AppNav({ showIdentity = true }: { showIdentity?: boolean }) {
  const user = useCurrentUser();
  const { signOut } = useSession();
  const [busy, setBusy] = useState(false);
  return (
    <nav
      className="app-nav"
      aria-label="Main"
      onClickCapture={(event) => {
        // Leaving the board offline would drop edits the server has not confirmed.
        const onLink = event.target instanceof Element && event.target.closest("a");
        if (onLink && !confirmLeavingUnsavedWork()) event.preventDefault();
      }}
    >
      <ul className="nav-links">
        <li>
          <NavLink to="/" end>
            Audits
          </NavLink>
        </li>
        <li>
          <NavLink to="/account">Account</NavLink>
        </li>
        {user.admin && (
          <>
            <li>
              <NavLink to="/admin/users">Users</NavLink>
            </li>
            <li>
              <NavLink to="/admin/audit-log">Audit trail</NavLink>
            </li>
          </>
        )}
      </ul>
      {showIdentity && (
        <p className="signed-in-as">
          <strong>{user.name}</strong>, {user.agency.name}
        </p>
      )}
      <button
        type="button"
        className="sign-out"
        disabled={busy}
        onClick={() => {
          if (!confirmLeavingUnsavedWork()) return;
          setBusy(true);
          void signOut();
        }}
      >
        Sign out
      </button>
    </nav>
  );
}
