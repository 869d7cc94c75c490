/**
 * The board's main area when an audit-level entry of the agenda is chosen. The action plan and
 * the theme grid load on first visit: during most of a meeting people are on the cases.
 */
import { lazy, Suspense } from "react";
import { ConcernsView } from "./concerns/ConcernsView.tsx";
import { SectionView } from "./SectionView.tsx";
import { type AuditViewId, isSection } from "./views.ts";

const ActionPlanView = lazy(() => import("./actions/ActionPlanView.tsx").then((m) => ({ default: m.ActionPlanView })));
const ThemesView = lazy(() => import("./themes/ThemesView.tsx").then((m) => ({ default: m.ThemesView })));

export function AuditView({ view }: { view: AuditViewId }) {
  if (isSection(view)) return <SectionView section={view} />;
  if (view === "concerns") return <ConcernsView />;
  return <Suspense fallback={<p>Loading…</p>}>{view === "themes" ? <ThemesView /> : <ActionPlanView />}</Suspense>;
}
