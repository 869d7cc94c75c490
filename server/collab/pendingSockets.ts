/**
 * Sockets that have not yet authenticated for any board. Their number is capped and each gets a
 * few seconds to authenticate, so idle or hostile connections cannot pile up.
 */
export class PendingSockets {
  private readonly pending = new Map<Request, NodeJS.Timeout>();

  constructor(
    readonly max: number,
    private readonly deadlineMs: number,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  /** Starts the clock for a new socket; `expire` closes it if it has not authenticated in time. */
  add(request: Request, expire: () => void): void {
    const timer = setTimeout(() => {
      this.pending.delete(request);
      expire();
    }, this.deadlineMs);
    timer.unref();
    this.pending.set(request, timer);
  }

  /** The socket behind `request` has authenticated (or closed): stop its clock. */
  settle(request: Request): void {
    clearTimeout(this.pending.get(request));
    this.pending.delete(request);
  }
}
