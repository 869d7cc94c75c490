/**
 * The audit trail: who did what to which audit, when. Entries are appended in order, each
 * carrying the SHA-256 of the one before, so an edited or deleted entry breaks the chain. The
 * store chains them (chain.ts), so several server nodes share one chain. Entries share durable
 * appends (group commit), at most one every 50 ms: each append is a round trip to the thread
 * pool or the database, and 500 people editing make ~100 entries a second.
 */
import type { AuditEvent, AuditTrailPage } from "../../shared/domain/account.ts";
import { log } from "../log.ts";
import { GroupCommit } from "../store/groupCommit.ts";
import type { Store } from "../store/index.ts";
import { type UnchainedEvent, verifyChain } from "./chain.ts";

export { hashEvent, verifyChain } from "./chain.ts";

/** What a caller says; the trail adds the time, the store the sequence and hashes. */
export type TrailEntry = Omit<AuditEvent, "seq" | "at" | "prev" | "hash">;

export interface TrailFilter {
  auditId?: string;
  userId?: string;
  since?: string;
  limit: number;
}

const APPEND_GAP_MS = 50;

export class AuditTrail {
  private readonly appends: GroupCommit<UnchainedEvent>;

  private constructor(private readonly store: Store) {
    this.appends = new GroupCommit(async (batch) => {
      try {
        await this.store.appendTrail(batch);
      } catch (error) {
        // Those entries are lost (later ones chain after what is on disk); the action itself
        // already happened.
        log.error("writing the audit trail failed", { entries: batch.length, error: String(error) });
      }
    }, APPEND_GAP_MS);
  }

  static async open(store: Store): Promise<AuditTrail> {
    return new AuditTrail(store);
  }

  /** Stamps the entry now (the store chains this process's entries in call order) and resolves once it is stored. */
  record(entry: TrailEntry): Promise<void> {
    return this.appends.add({ at: new Date().toISOString(), ...entry });
  }

  /** Events matching the filter (newest last) and whether the whole chain is intact. */
  async query(filter: TrailFilter): Promise<AuditTrailPage> {
    await this.appends.settled();
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
    await this.appends.settled();
  }
}

/** The trail fields that say who did something. */
export function actorOf(user: { id: string; name: string; email: string; agency: { name: string } }) {
  return { userId: user.id, actor: `${user.name} <${user.email}>`, agency: user.agency.name };
}
