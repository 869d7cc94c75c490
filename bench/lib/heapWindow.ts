/**
 * Opens and closes the server children's allocation sampling (heapSampler.ts) around an edit
 * round's measured window: one SIGUSR2 when it opens, one when it closes, then waits for the
 * profiles to be written before the round stops the servers.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { ServerKind } from "./childServer.ts";
import { heapProfileName } from "./heapSampler.ts";

const WRITE_TIMEOUT_MS = 15_000;

export interface HeapWindow {
  /** Resolves once every child has written its profile (call after the window has closed). */
  written(): Promise<void>;
  /** Cancels a window not yet opened or closed (a failed round). */
  cancel(): void;
}

export function sampleHeapDuring(kind: ServerKind, pids: number[], dir: string, opensInMs: number, lengthMs: number): HeapWindow {
  const signal = () => {
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGUSR2");
      } catch {
        // A child that has gone writes no profile: written() says so, and the round fails anyway.
      }
    }
  };
  const open = setTimeout(signal, opensInMs);
  const close = setTimeout(signal, opensInMs + lengthMs);
  const files = pids.map((pid) => path.join(dir, heapProfileName(kind, pid)));
  return {
    async written() {
      const deadline = performance.now() + WRITE_TIMEOUT_MS;
      while (!files.every((file) => existsSync(file))) {
        if (performance.now() > deadline) throw new Error(`no heap profile from ${kind} after ${WRITE_TIMEOUT_MS} ms: ${files.join(", ")}`);
        await sleep(100);
      }
    },
    cancel() {
      clearTimeout(open);
      clearTimeout(close);
    },
  };
}
