/** Person and "since" filters of the audit trail; applied through the page's address, so they can be shared. */
import type { FormEvent } from "react";

export interface Person {
  id: string;
  name: string;
  email: string;
}

interface TrailFiltersProps {
  people: Person[];
  userId?: string;
  since?: string;
  onApply: (filter: { userId?: string; since?: string }) => void;
}

export function TrailFilters({ people, userId, since, onApply }: TrailFiltersProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onApply({ userId: String(data.get("userId") ?? "") || undefined, since: String(data.get("since") ?? "") || undefined });
  }
  return (
    // The key remounts the form when the address changes, so its fields show the filters in force.
    <form key={`${userId}|${since}`} className="form filters" onSubmit={submit} aria-label="Filter the audit trail">
      <div className="field">
        <label htmlFor="trail-person">Person</label>
        <select id="trail-person" name="userId" defaultValue={userId ?? ""}>
          <option value="">Everyone</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} ({person.email})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="trail-since">Since (date)</label>
        <input id="trail-since" name="since" type="date" defaultValue={since ?? ""} />
      </div>
      <div className="button-row">
        <button type="submit" className="primary">
          Apply filters
        </button>
        <button type="button" onClick={() => onApply({})}>
          Clear
        </button>
      </div>
    </form>
  );
}
