/**
 * The shell: sign-in, then the audit list, boards (and their projector view), snapshots, members,
 * audit trail, account and admin pages.
 * The management pages load on first visit: people at a meeting mostly need the board.
 */
import { lazy } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { AuditListPage } from "../pages/AuditList/AuditListPage.tsx";
import { BoardPage } from "../pages/Board/BoardPage.tsx";
import { NotFoundPage } from "../pages/NotFoundPage.tsx";
import { PresentPage } from "../pages/Present/PresentPage.tsx";
import { RequireSession } from "../session/RequireSession.tsx";
import { SessionProvider } from "../session/SessionContext.tsx";
import { SignInPage } from "../session/SignInPage.tsx";
import { PageLayout } from "./PageLayout.tsx";

const AccountPage = lazy(() => import("../account/AccountPage.tsx").then((m) => ({ default: m.AccountPage })));
const UsersPage = lazy(() => import("../admin/UsersPage.tsx").then((m) => ({ default: m.UsersPage })));
const AuditTrailPage = lazy(() => import("../audit-trail/AuditTrailPage.tsx").then((m) => ({ default: m.AuditTrailPage })));
const MembersPage = lazy(() => import("../members/MembersPage.tsx").then((m) => ({ default: m.MembersPage })));
const SnapshotsPage = lazy(() => import("../snapshots/SnapshotsPage.tsx").then((m) => ({ default: m.SnapshotsPage })));
const SnapshotViewerPage = lazy(() => import("../snapshots/SnapshotViewerPage.tsx").then((m) => ({ default: m.SnapshotViewerPage })));

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
            path="/audits/:auditId/present"
            element={
              <RequireSession>
                <PresentPage />
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
            <Route path="/audits/:auditId/snapshots" element={<SnapshotsPage />} />
            <Route path="/audits/:auditId/snapshots/:snapshotId" element={<SnapshotViewerPage />} />
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
