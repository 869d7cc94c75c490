/**
 * The audit trail as an append-only JSON-lines file: entries are only ever added, each one
 * fsync'd, so the file itself is the record (and tampering with it breaks the hash chain).
 */
import { promises as fs } from "node:fs";
import { log } from "../log.ts";
import { appendFileDurable } from "./atomicFile.ts";
import type { AuditEvent } from "./records.ts";

export class TrailFile {
  /** Appends run one after another so entries land in the order they were chained. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  append(events: AuditEvent[]): Promise<void> {
    if (events.length === 0) return this.queue;
    const lines = events.map((event) => `${JSON.stringify(event)}\n`).join("");
    const written = this.queue.then(() => appendFileDurable(this.file, lines));
    this.queue = written.catch(() => {});
    return written;
  }

  async read(): Promise<AuditEvent[]> {
    await this.queue;
    let text: string;
    try {
      text = await fs.readFile(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const events: AuditEvent[] = [];
    for (const [index, line] of text.split("\n").entries()) {
      if (line.trim() === "") continue;
      try {
        events.push(JSON.parse(line) as AuditEvent);
      } catch {
        // A torn last line after a crash, or an edit by hand: the chain check will show the gap.
        log.warn("unreadable audit trail line", { line: index + 1 });
      }
    }
    return events;
  }
}
