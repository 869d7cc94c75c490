/**
 * The audit trail's hash chain, in one place for every store: each entry carries a sequence
 * number, the SHA-256 of the entry before it and its own SHA-256 over its fields. A store chains
 * a batch after its last stored entry (under its own lock), so several server nodes writing one
 * trail still give one unbroken chain.
 */
import { createHash } from "node:crypto";
import type { AuditEvent, AuditTrailPage } from "../../shared/domain/account.ts";
import { canonicalJson } from "../../shared/domain/canonical.ts";

/** An entry before the store has chained it: everything but its place in the chain. */
export type UnchainedEvent = Omit<AuditEvent, "seq" | "prev" | "hash">;

/** The last entry of a chain: what the next entry links to. */
export interface ChainEnd {
  seq: number;
  hash: string;
}

export const EMPTY_CHAIN: ChainEnd = { seq: 0, hash: "" };

export function hashEvent(event: Omit<AuditEvent, "hash">): string {
  return createHash("sha256").update(canonicalJson(event)).digest("hex");
}

/** Chains `entries`, in order, after `last`. */
export function chainAfter(last: ChainEnd, entries: readonly UnchainedEvent[]): AuditEvent[] {
  const chained: AuditEvent[] = [];
  let end = last;
  for (const entry of entries) {
    const unhashed: Omit<AuditEvent, "hash"> = { seq: end.seq + 1, ...entry, prev: end.hash };
    const event: AuditEvent = { ...unhashed, hash: hashEvent(unhashed) };
    chained.push(event);
    end = event;
  }
  return chained;
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
