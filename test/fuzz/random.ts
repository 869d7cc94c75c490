/**
 * The fuzz engine's only source of randomness: every decision (how many clients, which operation,
 * which card, how long to wait, new ids) comes from one seeded stream, so a seed replays its script.
 */
import { seededRandom } from "../helpers/replicas.ts";

const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

export class Random {
  private readonly next: () => number;

  constructor(readonly seed: number) {
    this.next = seededRandom(seed);
  }

  /** A number in [0, 1). */
  fraction(): number {
    return this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Random.pick from an empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  /** A key of `weights`, each drawn in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  }

  /** An id in the board's format (shared/board/ids.ts), but reproducible. */
  id(length = 16): string {
    let id = "";
    for (let i = 0; i < length; i++) id += ID_ALPHABET[Math.floor(this.next() * ID_ALPHABET.length)];
    return id;
  }
}
