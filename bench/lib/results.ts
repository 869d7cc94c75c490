/**
 * bench/results/<ISO timestamp>.json for every run, and latest.json for the latest complete
 * run (all scenarios, full length) — the one committed and quoted in the README.
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./childServer.ts";

export const RESULTS_DIR = path.join(REPO_ROOT, "bench/results");

export function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim(),
    memGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    loadavg: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

/** Writes the results; returns the paths written. */
export async function writeResults(results: Record<string, unknown>, startedAt: Date, complete: boolean): Promise<string[]> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(results, (_key, value) => (value instanceof Float64Array ? undefined : value), 2)}\n`;
  // Colons are awkward in file names on some systems.
  const stamped = path.join(RESULTS_DIR, `${startedAt.toISOString().replaceAll(":", "-")}.json`);
  const written = [stamped];
  await writeFile(stamped, json);
  if (complete) {
    const latest = path.join(RESULTS_DIR, "latest.json");
    await writeFile(latest, json);
    written.push(latest);
  }
  return written;
}
