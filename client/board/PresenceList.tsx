/** Who is on the board and which case each is looking at. */
import type { PresentPerson } from "../collab/usePresence.ts";

export function PresenceList({ people, caseLabel }: { people: PresentPerson[]; caseLabel: (caseId: string | undefined) => string }) {
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="visually-hidden">
        People on this board
      </h2>
      <p className="presence-count">{people.length === 1 ? "1 person here" : `${people.length} people here`}</p>
      <ul className="presence-list">
        {people.map((person) => (
          <li key={person.clientId} className="presence-person">
            <span className="avatar" style={{ backgroundColor: person.color }} aria-hidden="true">
              {person.name.slice(0, 1).toUpperCase()}
            </span>
            <span>
              <strong>{person.isMe ? `${person.name} (you)` : person.name}</strong>, {person.agency}
              <span className="presence-where"> – {caseLabel(person.caseId)}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
