/**
 * Preloaded into a server child with `--heap-sample DIR` (`node --import tsx --import this`):
 * V8's sampling heap profiler, counting objects the garbage collector has already freed too, so
 * the profile says who allocates (what the scavenges pay for), not only who holds memory. The
 * first SIGUSR2 starts it (the benchmark sends it when the measured window opens), the second
 * writes `heap-<ours|vanilla>-<pid>.heapprofile` into DIR; `npm run bench:heap -- DIR` reads them.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

export const HEAP_DIR_ENV = "MACA_BENCH_HEAP_DIR";
export const HEAP_KIND_ENV = "MACA_BENCH_HEAP_KIND";
/** The profile a server child writes (heapWindow.ts waits for it). */
export const heapProfileName = (kind: string, pid: number) => `heap-${kind}-${pid}.heapprofile`;
/** One sample per this many bytes allocated on average (V8's default is 32 KiB). */
const SAMPLING_INTERVAL_BYTES = 8 * 1024;

const dir = process.env[HEAP_DIR_ENV];
if (dir) {
  const session = new Session();
  session.connect();
  let sampling = false;
  process.on("SIGUSR2", () => {
    if (!sampling) {
      sampling = true;
      session.post("HeapProfiler.startSampling", {
        samplingInterval: SAMPLING_INTERVAL_BYTES,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
      return;
    }
    session.post("HeapProfiler.stopSampling", (error, result) => {
      if (error) {
        console.error(`heap sampler: ${error.message}`);
        return;
      }
      const kind = process.env[HEAP_KIND_ENV] ?? "server";
      writeFileSync(path.join(dir, heapProfileName(kind, process.pid)), JSON.stringify(result.profile));
    });
  });
}
