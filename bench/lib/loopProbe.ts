/**
 * Preloaded into a server child with `--probe DIR` (`node --import tsx --import this`): records
 * the child's event-loop stalls and garbage collections with epoch timestamps, on the same clock
 * as the benchmark's nowMs(), so `npm run bench:probe -- DIR` can line them up with the slow
 * deliveries. Both servers get it alike; it costs a 5 ms timer.
 *
 * CSV lines: `stall,<start ms>,<ms>` when the loop came back more than STALL_MS late, and
 * `gc<kind>,<start ms>,<ms>` for collections over GC_MS (kind as perf_hooks gives it: 1 a
 * scavenge, 4 a mark-compact, 8 incremental marking).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PerformanceObserver, performance } from "node:perf_hooks";

export const PROBE_DIR_ENV = "MACA_BENCH_PROBE_DIR";

/** The events file of a server child (bench/probe/files.ts reads it). */
export const serverEventsName = (pid: number) => `server-${pid}.csv`;

const TICK_MS = 5;
const STALL_MS = 6;
const GC_MS = 1.5;
const FLUSH_EVERY_MS = 2_000;

const dir = process.env[PROBE_DIR_ENV];
if (dir) {
  const lines: string[] = [];
  const now = () => performance.timeOrigin + performance.now();
  let last = now();
  setInterval(() => {
    const at = now();
    if (at - last > STALL_MS) lines.push(`stall,${last.toFixed(1)},${(at - last).toFixed(1)}`);
    last = at;
  }, TICK_MS).unref();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // Node puts the GC's kind in the entry's detail (the typings do not list it).
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
      if (entry.duration > GC_MS)
        lines.push(`gc${kind},${(performance.timeOrigin + entry.startTime).toFixed(1)},${entry.duration.toFixed(1)}`);
    }
  }).observe({ entryTypes: ["gc"] });
  // Written whole each time: the child may be killed between flushes, and one round is small.
  const flush = () => writeFileSync(path.join(dir, serverEventsName(process.pid)), lines.join("\n"));
  setInterval(flush, FLUSH_EVERY_MS).unref();
  process.on("exit", flush);
}
