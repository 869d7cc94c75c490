/** Every signed-in page but the board: skip link, header with the main navigation, then the page. */
import { Suspense } from "react";
import { Link, Outlet } from "react-router";
import { AppNav } from "./AppNav.tsx";

export function PageLayout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the content
      </a>
      <header className="app-header">
        <p className="brand">
          <Link to="/">MACA Board</Link>
        </p>
        <AppNav />
      </header>
      <Suspense fallback={<p className="page">Loading…</p>}>
        <Outlet />
      </Suspense>
    </>
  );
}
