/** Disk faults on purpose: every file handle's `write` can be spied on and made to fail. */
import { promises as fs } from "node:fs";
import { fileURLToPath } from "node:url";

/** FileHandle's prototype (the class is not exported), for vi.spyOn(…, "write"). */
export async function fileHandlePrototype(): Promise<{ write: (...args: never[]) => Promise<unknown> }> {
  const handle = await fs.open(fileURLToPath(import.meta.url), "r");
  await handle.close();
  return Object.getPrototypeOf(handle);
}
