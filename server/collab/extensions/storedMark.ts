/**
 * How far one document's update log is stored, as a number: every append (an update, a server
 * change, an abort record) takes the next ticket, and `stored` is the highest ticket that is on
 * disk with every ticket before it. Acknowledgements and REST writes wait here as plain records
 * (Waiter), released when the mark passes them: with one edit per board per journal write (50
 * boards of ten), a promise chain per wait was a chain per edit, a large share of the garbage our
 * server made beyond vanilla Hocuspocus (README, Performance). One `then` is attached per write
 * the document's appends share (group commit hands them all the same promise).
 *
 * A waiter needs its own append stored, and then also whatever had been appended by the time it
 * was (the authorship guard's corrections and an abort record follow their update at once): the
 * second need is read when the first is met, as a reload must never find the update without them.
 * A failed write fails every waiter it carried (their connections close; their clients send again)
 * and damages the log: nothing more is released until `repair` (a compaction) has stored the
 * whole document again, and a waiter whose append is stored but whose repair failed fails too.
 */

export interface Waiter {
  /** The ticket that must be stored; raised once, when first reached (see above). */
  need: number;
  raised: boolean;
  release(): void;
  fail(error: unknown): void;
}

export interface StoredMarkOptions {
  /** A write failed (after its retries): counted once per write, however many appends it carried. */
  failed(error: unknown): void;
  /** Whether the log lacks an update the document holds (a failed write not yet repaired). */
  damaged(): boolean;
  /** Resolves once the log is whole again; rejects if storing the document failed. */
  repair(): Promise<void>;
}

/** The appends one write carries: the last ticket among them, and how that write ended. */
interface Write {
  through: number;
  outcome?: "stored" | { error: unknown };
}

export class StoredMark {
  /** The latest ticket handed out. */
  last = 0;
  /** Every ticket up to this one is stored (or failed, and the log is then damaged). */
  stored = 0;
  /** Writes not yet settled, oldest first; a later one settling first waits for the earlier. */
  private readonly writes: Write[] = [];
  private watched: Promise<void> | undefined;
  private waiters: Waiter[] = [];
  private repairing = false;
  /** Waiters reached a repair already under way: they get another if it fails. */
  private repairAgain = false;

  constructor(private readonly options: StoredMarkOptions) {}

  /** Takes the next ticket for an append whose durability is `durable`. */
  appended(durable: Promise<void>): number {
    const ticket = ++this.last;
    const current = this.writes.at(-1);
    if (durable === this.watched && current) {
      current.through = ticket;
      return ticket;
    }
    this.watched = durable;
    const write: Write = { through: ticket };
    this.writes.push(write);
    durable.then(
      () => this.settle(write, "stored"),
      (error: unknown) => this.settle(write, { error }),
    );
    return ticket;
  }

  /** Whether everything appended so far is stored and the log is whole. */
  isSettled(): boolean {
    return this.stored === this.last && !this.options.damaged();
  }

  /** Releases `waiter` once its need is met (at once if it is already). */
  wait(waiter: Waiter): void {
    this.waiters.push(waiter);
    this.releaseReady();
  }

  private settle(write: Write, outcome: Write["outcome"]): void {
    write.outcome = outcome;
    while (this.writes[0]?.outcome) {
      const done = this.writes.shift() as Write;
      this.stored = done.through;
      if (done.outcome !== "stored") this.failThrough(done.through, done.outcome?.error);
    }
    this.releaseReady();
  }

  private failThrough(through: number, error: unknown): void {
    this.options.failed(error);
    this.sweep((waiter) => {
      if (waiter.need > through) return false;
      waiter.fail(error);
      return true;
    });
  }

  private releaseReady(): void {
    if (this.waiters.length === 0) return;
    if (!this.options.damaged()) {
      this.sweep(this.releaseIfReached);
      return;
    }
    // Only waiters whose appends are stored wait for the repair (and fail with it).
    let blocked = false;
    for (const waiter of this.waiters) if (this.reached(waiter)) blocked = true;
    if (blocked) this.repairThenRelease();
  }

  private readonly releaseIfReached = (waiter: Waiter): boolean => {
    if (!this.reached(waiter)) return false;
    waiter.release();
    return true;
  };

  /** Whether the waiter's need is stored, raising it the first time it is (see above). */
  private reached(waiter: Waiter): boolean {
    if (waiter.need <= this.stored && !waiter.raised) {
      waiter.raised = true;
      waiter.need = this.last;
    }
    return waiter.need <= this.stored;
  }

  /** Drops the waiters `done` says are done with, in order; one added meanwhile is kept. */
  private sweep(done: (waiter: Waiter) => boolean): void {
    const waiting = this.waiters;
    this.waiters = [];
    const kept = waiting.filter((waiter) => !done(waiter));
    this.waiters = this.waiters.length === 0 ? kept : kept.concat(this.waiters);
  }

  /**
   * Repairs the log for the waiters whose appends are stored. A failed repair fails only those
   * that were waiting for it when it began; any that reached it later (their writes may have
   * landed after the disk came back) get a repair of their own.
   */
  private repairThenRelease(): void {
    if (this.repairing) {
      this.repairAgain = true;
      return;
    }
    this.repairing = true;
    const covered = new Set(this.waiters.filter((waiter) => waiter.raised && waiter.need <= this.stored));
    this.options.repair().then(
      () => {
        this.repairing = false;
        this.repairAgain = false;
        this.releaseReady();
      },
      (error: unknown) => {
        this.repairing = false;
        this.sweep((waiter) => {
          if (!covered.has(waiter)) return false;
          waiter.fail(error);
          return true;
        });
        if (this.repairAgain) {
          this.repairAgain = false;
          this.releaseReady();
        }
      },
    );
  }
}
