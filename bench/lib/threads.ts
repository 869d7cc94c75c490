/**
 * Worker threads running TypeScript: under tsx the main thread's loader does not reach workers
 * (Node 20), so each worker registers tsx itself before importing its module.
 */
import { Worker } from "node:worker_threads";

export function startTsWorker(moduleUrl: URL, workerData: unknown): Worker {
  const loader = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}
