/** The banner of a case's immediate concerns, open ones first, above its columns. */
import type { ConcernJson } from "../../../shared/board/index.ts";
import { ConcernItem } from "./ConcernItem.tsx";

export function CaseConcerns({ concerns }: { concerns: ConcernJson[] }) {
  if (concerns.length === 0) return null;
  const open = concerns.filter((c) => c.status !== "actioned");
  const sorted = [...open, ...concerns.filter((c) => c.status === "actioned")];
  return (
    <section className={open.length > 0 ? "concern-banner" : "concern-banner all-actioned"} aria-labelledby="case-concerns-heading">
      <h3 id="case-concerns-heading">
        {open.length > 0
          ? `Immediate safeguarding ${open.length === 1 ? "concern" : "concerns"} (${open.length} open)`
          : "Immediate safeguarding concerns (all actioned)"}
      </h3>
      <ul className="concern-list">
        {sorted.map((concern) => (
          <ConcernItem key={concern.id} concern={concern} />
        ))}
      </ul>
    </section>
  );
}
