/** Whether the hash chain of the whole trail holds: every entry links to the one before, none edited or removed. */
import type { AuditTrailPage } from "../../shared/domain/account.ts";

export function ChainStatus({ chain }: { chain: AuditTrailPage["chain"] }) {
  if (chain.intact) {
    return (
      <div className="chain-status intact">
        <p className="chain-headline">
          <span aria-hidden="true">✓ </span>Chain intact: {chain.checked} {chain.checked === 1 ? "entry" : "entries"} checked
        </p>
        <p>Every entry of the trail still carries the hash of the one before it: nothing has been edited or removed.</p>
      </div>
    );
  }
  return (
    <div className="chain-status broken" role="alert">
      <p className="chain-headline">
        <span aria-hidden="true">⚠ </span>Chain broken at entry {chain.brokenAt ?? chain.checked + 1}
      </p>
      <p>
        The first {chain.checked} {chain.checked === 1 ? "entry checks" : "entries check"} out; from entry{" "}
        {chain.brokenAt ?? chain.checked + 1} on, the trail has been changed, lost an entry or could not be written. Keep a copy and tell
        your data protection officer.
      </p>
    </div>
  );
}
