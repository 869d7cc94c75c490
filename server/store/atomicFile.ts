/** File writes that a crash cannot tear. */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";

/** Leaves either the old or the new content, never a torn one. */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  await fs.writeFile(temp, data);
  await fs.rename(temp, file);
}

/** Appends and fsyncs, so an entry reported written survives a crash. */
export async function appendFileDurable(file: string, data: string): Promise<void> {
  const handle = await fs.open(file, "a");
  try {
    await handle.appendFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
