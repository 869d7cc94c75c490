/**
 * The snapshot's SHA-256, and whether this page's own computation of it matches: the first thing
 * on the viewer, so a reader knows whether what they read is what was signed off.
 */
import type { SnapshotJson } from "../../shared/domain/snapshot.ts";
import { useAsync } from "../app/useAsync.ts";
import { checkSnapshotHash } from "./verifyHash.ts";

export function HashCheckPanel({ snapshot }: { snapshot: SnapshotJson }) {
  const check = useAsync(() => checkSnapshotHash(snapshot), [snapshot]);
  const final = snapshot.kind === "freeze";
  const recorded = (
    <p>
      SHA-256 recorded when it was {final ? "signed off" : "taken"}: <code className="hash">{snapshot.sha256}</code>
    </p>
  );

  if (check.status === "ready" && check.value.status === "mismatch") {
    return (
      <section className="chain-status broken hash-check" role="alert" aria-label="SHA-256 check">
        <p className="chain-headline">
          <span aria-hidden="true">⚠ </span>Not verified: this text does not match its SHA-256
        </p>
        {recorded}
        <p>
          Computed by your browser: <code className="hash">{check.value.computed}</code>
        </p>
        <p>Do not rely on this copy. Tell the audit's chair and your data protection officer.</p>
      </section>
    );
  }
  return (
    <section
      className={`chain-status hash-check ${check.status === "ready" && check.value.status === "verified" ? "intact" : "pending"}`}
      aria-label="SHA-256 check"
    >
      <p className="chain-headline" role="status">
        {check.status === "loading" && "Checking the SHA-256 in your browser…"}
        {check.status === "error" && "Your browser could not check the SHA-256."}
        {check.status === "ready" && check.value.status === "unavailable" && "Your browser cannot check the SHA-256 on this connection."}
        {check.status === "ready" && check.value.status === "verified" && (
          <>
            <span aria-hidden="true">✓ </span>
            {final ? "Verified: this is the signed-off text" : "Verified: this is the text as the snapshot was taken"}
          </>
        )}
      </p>
      {recorded}
      {check.status === "ready" && check.value.status === "verified" && (
        <p className="hint">Your browser recomputed the hash from the snapshot's content and it matches.</p>
      )}
      {check.status === "ready" && check.value.status === "unavailable" && (
        <p className="hint">It needs a secure (https) page. You can compare the hash above with the one in the downloaded documents.</p>
      )}
    </section>
  );
}
