/**
 * The audit trail as an append-only JSON-lines file: entries are only ever added, each one
 * fsync'd, so the file itself is the record (and tampering with it breaks the hash chain).
 * Entries are chained here, one append at a time, after the last entry in the file. The file
 * stays open for appending with O_DSYNC, so a batch costs one write that returns once it is on
 * disk (open, write, fsync and close each time cost four thread-pool round trips per batch).
 */
import { promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { log } from "../log.ts";
import { type ChainEnd, chainAfter, EMPTY_CHAIN, type UnchainedEvent } from "../trail/chain.ts";
import type { AuditEvent } from "./records.ts";

const APPEND_FLAGS = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_APPEND | fs.constants.O_DSYNC;

export class TrailFile {
  /** Appends run one after another so entries are chained and land in call order. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The last entry written; read from the file on the first append. */
  private last: ChainEnd | undefined;
  private handle: FileHandle | undefined;

  constructor(private readonly file: string) {}

  append(entries: UnchainedEvent[]): Promise<AuditEvent[]> {
    const written = this.queue.then(async () => {
      if (entries.length === 0) return [];
      this.last ??= await this.readLast();
      const events = chainAfter(this.last, entries);
      try {
        this.handle ??= await fs.open(this.file, APPEND_FLAGS, 0o600);
        const bytes = Buffer.from(events.map((event) => `${JSON.stringify(event)}\n`).join(""), "utf8");
        // A short write would leave a torn line: write the rest until all of it is there.
        for (let at = 0; at < bytes.length; ) at += (await this.handle.write(bytes, at)).bytesWritten;
      } catch (error) {
        // Part of the batch may have reached the file: chain the next append after what is there,
        // through a fresh handle.
        this.last = undefined;
        await this.closeHandle();
        throw error;
      }
      const end = events.at(-1);
      if (end) this.last = { seq: end.seq, hash: end.hash };
      return events;
    });
    this.queue = written.catch(() => {});
    return written;
  }

  /** Waits for the appends made so far. */
  async settled(): Promise<void> {
    await this.queue;
  }

  /** Waits for the appends made so far, then closes the file (the next append opens it again). */
  async close(): Promise<void> {
    await this.queue;
    await this.closeHandle();
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close().catch((error: unknown) => log.warn("closing the audit trail file failed", { error: String(error) }));
  }

  private async readLast(): Promise<ChainEnd> {
    const last = (await this.readFile()).at(-1);
    return last ? { seq: last.seq, hash: last.hash } : EMPTY_CHAIN;
  }

  async read(): Promise<AuditEvent[]> {
    await this.queue;
    return this.readFile();
  }

  private async readFile(): Promise<AuditEvent[]> {
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
