/**
 * Fractional order keys: every item carries a string key, lists sort by (key, id). Inserting
 * between two neighbours writes one new key, so concurrent moves converge by last-writer-wins.
 */
import { generateKeyBetween } from "fractional-indexing";

export interface Ordered {
  id: string;
  order: string;
}

export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The key for an item placed at `index` in `all` (sorted; a list that does not contain the item).
 * Two replicas may have produced equal keys concurrently; the upper bound skips past equal keys
 * so the generated key is always strictly between distinct neighbours.
 */
export function orderKeyAt(all: readonly Ordered[], index: number): string {
  // A replica can briefly hold an item without a key (it got the deletion of the key it knew
  // before the newer key): such items sort first, and are no neighbour to generate from.
  const sorted = all.filter((item) => item.order !== "");
  const at = Math.max(0, Math.min(index - (all.length - sorted.length), sorted.length));
  const before = at > 0 ? sorted[at - 1].order : null;
  let after: string | null = null;
  for (let i = at; i < sorted.length; i++) {
    if (before === null || sorted[i].order > before) {
      after = sorted[i].order;
      break;
    }
  }
  return generateKeyBetween(before, after);
}
