/**
 * lowdb's adapter for the metadata file, made durable: lowdb's own JSONFile renames a temporary
 * file without fsync, so a power cut can leave an empty or old file. Writes here are atomic and
 * fsync'd (writeFileAtomic), run one at a time, and a write asked for while one runs is folded
 * into the next, which carries the newest data (the last write always wins).
 */
import type { Adapter } from "lowdb";
import { readFileIfExists, writeFileAtomic } from "./atomicFile.ts";

export class DurableJsonFile<T> implements Adapter<T> {
  private running: Promise<void> | undefined;
  private next: { text: string; waiters: { resolve: () => void; reject: (error: unknown) => void }[] } | undefined;

  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    const bytes = await readFileIfExists(this.file);
    return bytes === undefined ? null : (JSON.parse(bytes.toString("utf8")) as T);
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 2);
    return new Promise<void>((resolve, reject) => {
      this.next = { text, waiters: [...(this.next?.waiters ?? []), { resolve, reject }] };
      this.running ??= this.writeAll().finally(() => {
        this.running = undefined;
      });
    });
  }

  private async writeAll(): Promise<void> {
    while (this.next) {
      const { text, waiters } = this.next;
      this.next = undefined;
      try {
        await writeFileAtomic(this.file, text);
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      }
    }
  }
}
