/**
 * Group commit: everything added while one write runs goes into the next write, so one fsync (or
 * one INSERT) serves all that arrived meanwhile, however many documents are busy. Items added in
 * the same step as the first share its write. With `minGapMs`, a write starts at least that long
 * after the previous one began, so under load each write carries more (fewer writes, less CPU per
 * item); after a quiet spell the first write still starts at once. Every item of a batch gets the
 * batch's one promise: an item costs no promise of its own (a busy server adds one per edit).
 */
import { setTimeout as sleep } from "node:timers/promises";

interface Batch<T> {
  items: T[];
  /** Resolves once the write carrying the items succeeded; rejects if it failed. */
  written: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function newBatch<T>(): Batch<T> {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const written = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Each caller handles the failure on its side; the batch's own promise must not be "unhandled".
  written.catch(() => {});
  return { items: [], written, resolve, reject };
}

export class GroupCommit<T> {
  private next: Batch<T> | undefined;
  private draining: Promise<void> | undefined;
  private lastStart = Number.NEGATIVE_INFINITY;

  /** `write` stores a whole batch, or throws (after its own retries) and every item in it fails. */
  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly minGapMs = 0,
  ) {}

  /**
   * Resolves once the write that carried `item` succeeded; rejects if it failed. Items that share
   * a write get the same promise.
   */
  add(item: T): Promise<void> {
    this.next ??= newBatch();
    this.next.items.push(item);
    this.draining ??= this.drain();
    return this.next.written;
  }

  /** Resolves when everything added so far is written (or has failed). */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      await Promise.resolve();
      while (this.next) {
        const wait = this.lastStart + this.minGapMs - performance.now();
        if (wait > 0) await sleep(wait);
        this.lastStart = performance.now();
        const batch = this.next;
        this.next = undefined;
        try {
          await this.write(batch.items);
          batch.resolve();
        } catch (error) {
          batch.reject(error);
        }
      }
    } finally {
      // In the same step as the loop's last check: an item added after it starts a new drain.
      this.draining = undefined;
    }
  }
}
