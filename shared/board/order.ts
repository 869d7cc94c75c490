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
 * The key for an item placed at `index` in `sorted` (a list that does not contain the item).
 * Two replicas may have produced equal keys concurrently; the upper bound skips past equal keys
 * so the generated key is always strictly between distinct neighbours.
 */
export function orderKeyAt(sorted: readonly Ordered[], index: number): string {
  const at = Math.max(0, Math.min(index, sorted.length));
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
