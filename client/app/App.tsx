/** The shell: sign-in, then the audit list, boards, members, audit trail, account and admin pages. */
import { BrowserRouter, Route, Routes } from "react-router";
import { AccountPage } from "../account/AccountPage.tsx";
import { UsersPage } from "../admin/UsersPage.tsx";
import { AuditTrailPage } from "../audit-trail/AuditTrailPage.tsx";
import { MembersPage } from "../members/MembersPage.tsx";
import { AuditListPage } from "../pages/AuditList/AuditListPage.tsx";
import { BoardPage } from "../pages/Board/BoardPage.tsx";
import { NotFoundPage } from "../pages/NotFoundPage.tsx";
import { RequireSession } from "../session/RequireSession.tsx";
import { SessionProvider } from "../session/SessionContext.tsx";
import { SignInPage } from "../session/SignInPage.tsx";
import { PageLayout } from "./PageLayout.tsx";

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route
            path="/audits/:auditId"
            element={
              <RequireSession>
                <BoardPage />
              </RequireSession>
            }
          />
          <Route
            element={
              <RequireSession>
                <PageLayout />
              </RequireSession>
            }
          >
            <Route path="/" element={<AuditListPage />} />
            <Route path="/account" element={<AccountPage />} />
            <Route path="/audits/:auditId/members" element={<MembersPage />} />
            <Route path="/audits/:auditId/trail" element={<AuditTrailPage />} />
            <Route
              path="/admin/users"
              element={
                <RequireSession admin>
                  <UsersPage />
                </RequireSession>
              }
            />
            <Route
              path="/admin/audit-log"
              element={
                <RequireSession admin>
                  <AuditTrailPage />
                </RequireSession>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
