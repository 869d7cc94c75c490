/**
 * Board edits reach the audit trail in batches: one entry per person per audit per few seconds
 * (how many updates, how many bytes), not one per keystroke.
 */
import type { Agency } from "../../shared/domain/agencies.ts";
import { type AuditTrail, actorOf } from "./auditTrail.ts";

interface Batch {
  auditId: string;
  userId: string;
  actor: string;
  agency: string;
  updates: number;
  bytes: number;
  firstAt: string;
  timer: NodeJS.Timeout;
}

export class DocumentChangeLog {
  private readonly batches = new Map<string, Batch>();

  constructor(
    private readonly trail: AuditTrail,
    private readonly windowMs = 5_000,
  ) {}

  add(auditId: string, who: { userId: string; name: string; email: string; agency: Agency }, bytes: number): void {
    const key = `${auditId}\0${who.userId}`;
    const batch = this.batches.get(key);
    if (batch) {
      batch.updates += 1;
      batch.bytes += bytes;
      return;
    }
    const timer = setTimeout(() => this.flush(auditId, who.userId), this.windowMs);
    timer.unref();
    this.batches.set(key, {
      auditId,
      userId: who.userId,
      actor: actorOf({ id: who.userId, ...who }).actor,
      agency: who.agency.name,
      updates: 1,
      bytes,
      firstAt: new Date().toISOString(),
      timer,
    });
  }

  /** Writes the open batch of one person on one audit (on disconnect), or every batch. */
  flush(auditId?: string, userId?: string): void {
    for (const [key, batch] of this.batches) {
      if ((auditId !== undefined && batch.auditId !== auditId) || (userId !== undefined && batch.userId !== userId)) continue;
      clearTimeout(batch.timer);
      this.batches.delete(key);
      void this.trail.record({
        type: "document-changed",
        userId: batch.userId,
        actor: batch.actor,
        agency: batch.agency,
        auditId: batch.auditId,
        detail: { updates: batch.updates, bytes: batch.bytes, from: batch.firstAt },
      });
    }
  }
}
