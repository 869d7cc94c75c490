/** Shows only the cards one agency wrote. */
import type { Agency } from "../../shared/domain/agencies.ts";

export function AgencyFilter({
  agencies,
  value,
  onChange,
}: {
  agencies: Agency[];
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  return (
    <div className="agency-filter">
      <label htmlFor="agency-filter">Show cards from</label>
      <select id="agency-filter" value={value ?? ""} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">All agencies</option>
        {agencies.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
          </option>
        ))}
      </select>
    </div>
  );
}
