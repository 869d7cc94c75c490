/**
 * How long a client thread itself stood still while it measured: its event loop's longest delay
 * and its garbage collector's pauses. A stalled client reads every stamp late, whichever server
 * sent it, so a round whose tail coincides with a client stall says little about the server (a
 * single client thread hosting 500 clients has been seen to pause 100–400 ms in a major GC).
 */
import { monitorEventLoopDelay, PerformanceObserver, performance } from "node:perf_hooks";

export interface ClientStalls {
  /** Longest event-loop delay of the client thread in the window (ms). */
  longestDelayMs: number;
  /** 99th percentile of the event-loop delay (ms), sampled every 10 ms. */
  delayP99Ms: number;
  /** Time spent in GC pauses, and the longest one (ms). */
  gcPauseMs: number;
  longestGcPauseMs: number;
}

export const NO_STALLS: ClientStalls = { longestDelayMs: 0, delayP99Ms: 0, gcPauseMs: 0, longestGcPauseMs: 0 };

/** Watches this thread from now until `stop()`. */
export function watchStalls(): { stop: () => ClientStalls } {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let gcPauseMs = 0;
  let longestGcPauseMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcPauseMs += entry.duration;
      longestGcPauseMs = Math.max(longestGcPauseMs, entry.duration);
    }
  });
  gc.observe({ entryTypes: ["gc"] });
  delay.enable();
  const startedAt = performance.now();
  return {
    stop() {
      delay.disable();
      gc.disconnect();
      const sampled = performance.now() - startedAt > 20 && delay.count > 0;
      return {
        // The histogram is in nanoseconds; its resolution (10 ms) is not part of the delay.
        longestDelayMs: sampled ? Math.max(0, delay.max / 1e6 - 10) : 0,
        delayP99Ms: sampled ? Math.max(0, delay.percentile(99) / 1e6 - 10) : 0,
        gcPauseMs,
        longestGcPauseMs,
      };
    },
  };
}

/** Several client threads as one: the worst delay of any, the GC pauses of all. */
export function combineStalls(all: readonly ClientStalls[]): ClientStalls {
  return all.reduce(
    (a, b) => ({
      longestDelayMs: Math.max(a.longestDelayMs, b.longestDelayMs),
      delayP99Ms: Math.max(a.delayP99Ms, b.delayP99Ms),
      gcPauseMs: a.gcPauseMs + b.gcPauseMs,
      longestGcPauseMs: Math.max(a.longestGcPauseMs, b.longestGcPauseMs),
    }),
    NO_STALLS,
  );
}
