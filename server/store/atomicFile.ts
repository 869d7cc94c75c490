/** Writes a file so that a crash leaves either the old or the new content, never a torn one. */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";

export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  await fs.writeFile(temp, data);
  await fs.rename(temp, file);
}
