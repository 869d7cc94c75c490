/** Every immediate concern of the audit for the chair: open ones first, each with its case. */
import { Link } from "react-router";
import { useBoardStatic } from "../BoardContext.tsx";
import { useAgenda } from "../selectors.ts";
import { boardSearch } from "../views.ts";
import { ConcernItem } from "./ConcernItem.tsx";
import { useConcerns } from "./useConcerns.ts";

export function ConcernsView() {
  const { doc } = useBoardStatic();
  const concerns = useConcerns(doc);
  const cases = useAgenda(doc);
  const label = (id: string) => cases.find((c) => c.id === id)?.label ?? "A removed case";
  const open = concerns.filter((c) => c.status !== "actioned");
  const actioned = concerns.filter((c) => c.status === "actioned");
  return (
    <article className="case section concerns-view" aria-labelledby="section-heading">
      <h2 id="section-heading">Immediate safeguarding concerns</h2>
      <p className="hint">
        Current risks to a child found during the audit, escalated to the agency that must act. Each is also at the top of the action plan
        as urgent. Raise one from its case with “Raise immediate concern”.
      </p>
      {concerns.length === 0 && <p>No immediate concerns raised.</p>}
      {open.length > 0 && (
        <>
          <h3>Open ({open.length})</h3>
          <ul className="concern-list">
            {open.map((concern) => (
              <ConcernItem key={concern.id} concern={concern} caseLabel={label(concern.caseId)} />
            ))}
          </ul>
        </>
      )}
      {actioned.length > 0 && (
        <>
          <h3>Actioned ({actioned.length})</h3>
          <ul className="concern-list">
            {actioned.map((concern) => (
              <ConcernItem key={concern.id} concern={concern} caseLabel={label(concern.caseId)} />
            ))}
          </ul>
        </>
      )}
      {concerns.length > 0 && (
        <p>
          Cases with concerns:{" "}
          {[...new Set(concerns.map((c) => c.caseId))].map((id, i) => (
            <span key={id}>
              {i > 0 && ", "}
              <Link to={boardSearch({ case: id })}>{label(id)}</Link>
            </span>
          ))}
        </p>
      )}
    </article>
  );
}
