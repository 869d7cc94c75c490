/** Who is on the board and which case each is looking at; then any projector views and their case. */
import type { PresentPerson } from "../collab/usePresence.ts";

interface PresenceListProps {
  people: PresentPerson[];
  /** Projector views: not people, listed apart. */
  screens?: PresentPerson[];
  caseLabel: (caseId: string | undefined) => string;
}

export function PresenceList({ people, screens = [], caseLabel }: PresenceListProps) {
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
      {screens.length > 0 && (
        <>
          <h3 className="presence-screens-heading">Projector views</h3>
          <ul className="presence-list presence-screens">
            {screens.map((screen) => (
              <li key={screen.clientId} className="presence-person">
                <span>
                  Opened by {screen.name}
                  <span className="presence-where"> – {caseLabel(screen.caseId)}</span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
