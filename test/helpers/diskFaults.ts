/** Disk faults on purpose: every file handle's `write` and `writeFile` can be spied on and made to fail or wait. */
import { promises as fs } from "node:fs";
import { fileURLToPath } from "node:url";

type Write = (...args: never[]) => Promise<unknown>;

/** FileHandle's prototype (the class is not exported), for vi.spyOn(…, "write") or (…, "writeFile"). */
export async function fileHandlePrototype(): Promise<{ write: Write; writeFile: Write }> {
  const handle = await fs.open(fileURLToPath(import.meta.url), "r");
  await handle.close();
  return Object.getPrototypeOf(handle);
}

/** A promise released from outside, to hold writes back (Node 20 has no Promise.withResolvers). */
export function gate(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
