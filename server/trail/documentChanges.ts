/**
 * Board edits reach the audit trail in batches: one entry per person per document per few
 * seconds (how many updates, how many bytes), not one per keystroke. A document is an audit's
 * board or its meeting state; entries name the audit, and the meeting with `document: "meeting"`.
 */
import type { Agency } from "../../shared/domain/agencies.ts";
import { parseDocumentName } from "../store/index.ts";
import { type AuditTrail, actorOf } from "./auditTrail.ts";

interface Batch {
  documentName: string;
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

  add(documentName: string, who: { userId: string; name: string; email: string; agency: Agency }, bytes: number): void {
    const key = `${documentName}\0${who.userId}`;
    const batch = this.batches.get(key);
    if (batch) {
      batch.updates += 1;
      batch.bytes += bytes;
      return;
    }
    const timer = setTimeout(() => this.flush(documentName, who.userId), this.windowMs);
    timer.unref();
    this.batches.set(key, {
      documentName,
      userId: who.userId,
      actor: actorOf({ id: who.userId, ...who }).actor,
      agency: who.agency.name,
      updates: 1,
      bytes,
      firstAt: new Date().toISOString(),
      timer,
    });
  }

  /** Writes the open batch of one person on one document (on disconnect), or every batch. */
  flush(documentName?: string, userId?: string): void {
    for (const [key, batch] of this.batches) {
      if ((documentName !== undefined && batch.documentName !== documentName) || (userId !== undefined && batch.userId !== userId))
        continue;
      clearTimeout(batch.timer);
      this.batches.delete(key);
      const ref = parseDocumentName(batch.documentName);
      void this.trail.record({
        type: "document-changed",
        userId: batch.userId,
        actor: batch.actor,
        agency: batch.agency,
        auditId: ref?.auditId,
        detail: {
          updates: batch.updates,
          bytes: batch.bytes,
          from: batch.firstAt,
          ...(ref?.kind === "meeting" ? { document: "meeting" } : {}),
        },
      });
    }
  }
}
