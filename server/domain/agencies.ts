/** Turns what people type or pick (an agency id or a name) into agencies. */
import { type Agency, agencySlug, DEFAULT_AGENCIES } from "../../shared/domain/agencies.ts";

/** A known agency id or name maps to the default list; any other entry is a further agency by name. */
export function resolveAgency(entry: string): Agency {
  const known = DEFAULT_AGENCIES.find((a) => a.id === entry || a.name.toLowerCase() === entry.toLowerCase());
  return known ? { ...known } : { id: agencySlug(entry) || "other", name: entry };
}

/** The agencies of a new audit: the default list when none are named. */
export function resolveAgencies(entries: readonly string[] | undefined): Agency[] {
  if (!entries || entries.length === 0) return [...DEFAULT_AGENCIES];
  const agencies = new Map<string, Agency>();
  for (const entry of entries) {
    const agency = resolveAgency(entry);
    agencies.set(agency.id, agency);
  }
  return [...agencies.values()];
}
