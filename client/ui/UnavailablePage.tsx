/** A page that cannot show its audit (not found, not yours, server unreachable): says why and links back. */
import { Link } from "react-router";

export function UnavailablePage({ title = "Audit not available", message }: { title?: string; message: string }) {
  return (
    <main className="page narrow" id="main">
      <h1>{title}</h1>
      <p role="alert">{message}</p>
      <p>
        <Link to="/">Back to the audits</Link>
      </p>
    </main>
  );
}
