/**
 * A snapshot's two files, `snapshots/<auditId>/<snapshotId>.json` (the rendered content) and
 * `.ydoc` (the Yjs state). Written once, never replaced: a link onto an existing name fails, and
 * the files are made read-only.
 */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { SnapshotContent } from "../../shared/domain/snapshot.ts";
import { IdSchema } from "../../shared/validation/audit.ts";
import { readFileIfExists, syncDirectory } from "./atomicFile.ts";

export class SnapshotFiles {
  constructor(private readonly dir: string) {}

  async write(auditId: string, snapshotId: string, content: SnapshotContent, state: Uint8Array): Promise<void> {
    await fs.mkdir(this.folder(auditId), { recursive: true });
    await writeOnce(this.file(auditId, snapshotId, "ydoc"), state);
    await writeOnce(this.file(auditId, snapshotId, "json"), JSON.stringify(content));
  }

  async readContent(auditId: string, snapshotId: string): Promise<SnapshotContent | undefined> {
    const text = await readFileIfExists(this.file(auditId, snapshotId, "json"));
    return text === undefined ? undefined : (JSON.parse(text.toString("utf8")) as SnapshotContent);
  }

  async readState(auditId: string, snapshotId: string): Promise<Uint8Array | undefined> {
    const bytes = await readFileIfExists(this.file(auditId, snapshotId, "ydoc"));
    return bytes && new Uint8Array(bytes);
  }

  private folder(auditId: string): string {
    // Ids are validated at the boundary; checked again here because this builds a path.
    return path.join(this.dir, IdSchema.parse(auditId));
  }

  private file(auditId: string, snapshotId: string, ext: "json" | "ydoc"): string {
    return path.join(this.folder(auditId), `${IdSchema.parse(snapshotId)}.${ext}`);
  }
}

/** Complete or absent (written aside, fsync'd, then linked in), and never over an existing file. */
async function writeOnce(file: string, data: Uint8Array | string): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await fs.open(temp, "wx", 0o444);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.link(temp, file);
  } finally {
    await fs.unlink(temp);
  }
  await syncDirectory(path.dirname(file));
}
