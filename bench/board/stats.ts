/** Small measuring helpers for the board benchmark: medians, timing, the machine's other load. */
import os from "node:os";
import { performance } from "node:perf_hooks";

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/** The 1-minute load average: how busy the shared machine was around a figure. */
export function loadAvg1(): number {
  return Number(os.loadavg()[0].toFixed(2));
}

/** One reported figure with the machine's load when it was taken. */
export interface Figure {
  value: number;
  unit: string;
  /** os.loadavg()[0] when the figure was taken. */
  loadavg1: number;
  /** Samples behind a median, when there are several. */
  samples?: number[];
}

export function figure(value: number, unit: string, samples?: number[]): Figure {
  return { value, unit, loadavg1: loadAvg1(), ...(samples ? { samples: samples.map((s) => Number(s.toFixed(2))) } : {}) };
}

/** The median of `reps` runs of `run` (each returning one sample). */
export async function medianOf(reps: number, run: (rep: number) => Promise<number>): Promise<Figure & { samples: number[] }> {
  const samples: number[] = [];
  for (let rep = 0; rep < reps; rep++) samples.push(await run(rep));
  return { ...figure(median(samples), "ms", samples), samples };
}

/** Progress on stderr, so stdout carries only the report. */
export function progress(message: string): void {
  process.stderr.write(`[bench:board] ${message}\n`);
}

export const KiB = 1024;
export const MiB = 1024 * 1024;
