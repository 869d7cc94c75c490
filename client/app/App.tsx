/** The shell: routes to the audit list and to an audit's board. */
import { BrowserRouter, Route, Routes } from "react-router";
import { AuditListPage } from "../pages/AuditList/AuditListPage.tsx";
import { BoardPage } from "../pages/Board/BoardPage.tsx";
import { NotFoundPage } from "../pages/NotFoundPage.tsx";

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/" element={<AuditListPage />} />
        <Route path="/audits/:auditId" element={<BoardPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </BrowserRouter>
  );
}
