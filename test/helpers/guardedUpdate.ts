/**
 * What Yjs itself makes of untrusted update bytes, found out in a worker thread with a time limit:
 * crafted updates can make Yjs throw half-way, park structs as pending forever, or spin (yjs
 * issues 498, 687), and none of that may happen in the test process. A test then knows what a
 * server that applied the bytes cleanly would hold, and whether it may hold anything new at all.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { REPO_ROOT } from "./server.ts";

const YJS = createRequire(path.join(REPO_ROOT, "package.json")).resolve("yjs");

export type UpdateVerdict =
  /** Applies completely; `state` is the document afterwards. */
  | { kind: "applies"; state: Uint8Array }
  /** Yjs threw (the document may be half-changed: a server must not be). */
  | { kind: "throws"; error: string }
  /** Applied without error but left structs or deletions waiting for missing ones; `state` includes them. */
  | { kind: "pending"; state: Uint8Array }
  /** Did not finish within the time limit. */
  | { kind: "hangs" };

// CommonJS run by the worker, with the repository's own yjs.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const Y = require(${JSON.stringify(YJS)});
parentPort.on("message", ({ before, update }) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, before);
  try {
    Y.applyUpdate(doc, update);
  } catch (error) {
    parentPort.postMessage({ kind: "throws", error: String(error) });
    return;
  }
  const pending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  parentPort.postMessage({ kind: pending ? "pending" : "applies", state: Y.encodeStateAsUpdate(doc) });
});
`;

/** One worker reused across calls; replaced after a call that had to be cut off. */
export class UpdateJudge {
  private worker: Worker | undefined;

  private spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** What applying `update` to a document holding `before` does. */
  judge(before: Uint8Array, update: Uint8Array, timeoutMs = 3_000): Promise<UpdateVerdict> {
    const worker = this.worker ?? this.spawn();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.off("message", onMessage);
        void worker.terminate();
        this.worker = undefined;
        resolve({ kind: "hangs" });
      }, timeoutMs);
      const onMessage = (verdict: UpdateVerdict) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        resolve(verdict);
      };
      worker.on("message", onMessage);
      worker.postMessage({ before, update });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
