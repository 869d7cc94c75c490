/** Latency samples and their percentiles. */

/** A growable list of numbers in one typed array (millions of samples without boxed numbers). */
export class Samples {
  private data = new Float64Array(1024);
  private size = 0;

  push(value: number): void {
    if (this.size === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
  }

  get length(): number {
    return this.size;
  }

  /** A copy trimmed to the samples taken (transferable to another thread). */
  toArray(): Float64Array {
    return this.data.slice(0, this.size);
  }
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of all samples; NaN figures when there are none. */
export function summarize(parts: readonly Float64Array[]): Summary {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const all = new Float64Array(total);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  all.sort();
  const at = (p: number) => (total === 0 ? Number.NaN : all[Math.min(total - 1, Math.max(0, Math.ceil((p / 100) * total) - 1))]);
  let sum = 0;
  for (const value of all) sum += value;
  return {
    n: total,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: total ? all[total - 1] : Number.NaN,
    mean: total ? sum / total : Number.NaN,
  };
}
