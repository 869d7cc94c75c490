/**
 * The audit trail: who did what to which audit, when. Entries are appended in order, each
 * carrying the SHA-256 of the one before, so an edited or deleted entry breaks the chain.
 * Entries recorded in the same tick share one durable append (group commit).
 */
import { createHash } from "node:crypto";
import type { AuditEvent, AuditTrailPage } from "../../shared/domain/account.ts";
import { canonicalJson } from "../../shared/domain/canonical.ts";
import { log } from "../log.ts";
import type { Store } from "../store/index.ts";

/** What a caller says; the trail adds sequence, time and hashes. */
export type TrailEntry = Omit<AuditEvent, "seq" | "at" | "prev" | "hash">;

export interface TrailFilter {
  auditId?: string;
  userId?: string;
  since?: string;
  limit: number;
}

export function hashEvent(event: Omit<AuditEvent, "hash">): string {
  return createHash("sha256").update(canonicalJson(event)).digest("hex");
}

/** Checks every entry's hash and its link to the entry before. */
export function verifyChain(events: readonly AuditEvent[]): AuditTrailPage["chain"] {
  let prev = "";
  for (const [index, event] of events.entries()) {
    const { hash, ...rest } = event;
    if (event.prev !== prev || hashEvent(rest) !== hash || event.seq !== index + 1) {
      return { intact: false, checked: index, brokenAt: event.seq };
    }
    prev = hash;
  }
  return { intact: true, checked: events.length };
}

export class AuditTrail {
  private buffer: AuditEvent[] = [];
  private flushing: Promise<void> | undefined;

  private constructor(
    private readonly store: Store,
    private last: { seq: number; hash: string },
  ) {}

  static async open(store: Store): Promise<AuditTrail> {
    const events = await store.readTrail();
    const last = events.at(-1);
    return new AuditTrail(store, last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: "" });
  }

  /** Chains the entry now (so order is call order) and resolves once it is on disk. */
  record(entry: TrailEntry): Promise<void> {
    const unhashed: Omit<AuditEvent, "hash"> = { seq: this.last.seq + 1, at: new Date().toISOString(), ...entry, prev: this.last.hash };
    const event: AuditEvent = { ...unhashed, hash: hashEvent(unhashed) };
    this.last = { seq: event.seq, hash: event.hash };
    this.buffer.push(event);
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
    return this.flushing;
  }

  /** Events matching the filter (newest last) and whether the whole chain is intact. */
  async query(filter: TrailFilter): Promise<AuditTrailPage> {
    await this.flushing;
    const events = await this.store.readTrail();
    const since = filter.since ? new Date(filter.since).toISOString() : undefined;
    const matching = events.filter(
      (e) =>
        (filter.auditId === undefined || e.auditId === filter.auditId) &&
        (filter.userId === undefined || e.userId === filter.userId) &&
        (since === undefined || e.at >= since),
    );
    return { events: matching.slice(-filter.limit), chain: verifyChain(events) };
  }

  /** Waits for every recorded entry to reach the store. */
  async settle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = undefined;
    try {
      await this.store.appendTrail(batch);
    } catch (error) {
      // The gap will show as a broken chain; the action itself already happened.
      log.error("writing the audit trail failed", { entries: batch.length, error: String(error) });
    }
  }
}

/** The trail fields that say who did something. */
export function actorOf(user: { id: string; name: string; email: string; agency: { name: string } }) {
  return { userId: user.id, actor: `${user.name} <${user.email}>`, agency: user.agency.name };
}
