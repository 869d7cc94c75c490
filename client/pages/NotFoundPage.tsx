import { Link } from "react-router";
import { usePageTitle } from "../app/usePageTitle.ts";

export function NotFoundPage() {
  usePageTitle("Page not found");
  return (
    <main className="page narrow" id="main">
      <h1>Page not found</h1>
      <p>
        <Link to="/">Back to the audits</Link>
      </p>
    </main>
  );
}
