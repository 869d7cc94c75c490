/** One clock for every thread: epoch milliseconds with sub-millisecond precision. */
import { performance } from "node:perf_hooks";

/** Date.now() has 1 ms steps, too coarse for 2 ms latencies; worker threads share timeOrigin. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
