/**
 * Group commit: everything added while one write runs goes into the next write, so one fsync (or
 * one INSERT) serves all that arrived meanwhile, however many documents are busy. Items added in
 * the same step as the first share its write. With `minGapMs`, a write starts at least that long
 * after the previous one began, so under load each write carries more (fewer writes, less CPU per
 * item); after a quiet spell the first write still starts at once.
 */
import { setTimeout as sleep } from "node:timers/promises";

interface Queued<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<T> {
  private queue: Queued<T>[] = [];
  private draining: Promise<void> | undefined;
  private lastStart = Number.NEGATIVE_INFINITY;

  /** `write` stores a whole batch, or throws (after its own retries) and every item in it fails. */
  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly minGapMs = 0,
  ) {}

  /** Resolves once the write that carried `item` succeeded; rejects if it failed. */
  add(item: T): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.queue.push({ item, resolve, reject }));
    this.draining ??= this.drain();
    return done;
  }

  /** Resolves when everything added so far is written (or has failed). */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      await Promise.resolve();
      while (this.queue.length > 0) {
        const wait = this.lastStart + this.minGapMs - performance.now();
        if (wait > 0) await sleep(wait);
        this.lastStart = performance.now();
        const batch = this.queue.splice(0);
        try {
          await this.write(batch.map((queued) => queued.item));
          for (const queued of batch) queued.resolve();
        } catch (error) {
          for (const queued of batch) queued.reject(error);
        }
      }
    } finally {
      // In the same step as the loop's last check: an item added after it starts a new drain.
      this.draining = undefined;
    }
  }
}
