/** The case's open immediate concerns, on top of the projected case: what, which agency, by when (no names). */
import type { ConcernJson } from "../../../shared/board/index.ts";
import { formatWhen } from "../../board/concerns/format.ts";

export function ProjectorConcerns({ concerns, agencyName }: { concerns: ConcernJson[]; agencyName: (id: string) => string }) {
  if (concerns.length === 0) return null;
  return (
    <section className="projector-concerns" aria-labelledby="projector-concerns-heading">
      <h2 id="projector-concerns-heading">Immediate safeguarding {concerns.length === 1 ? "concern" : "concerns"}</h2>
      <ul>
        {concerns.map((concern) => (
          <li key={concern.id}>
            <p className="projector-concern-text">{concern.concern}</p>
            <p className="projector-concern-due">
              <strong>{agencyName(concern.agency)}</strong> to act by {formatWhen(concern.dueAt)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
