/**
 * Board edits reach the audit trail in batches: one entry per person per document per few
 * seconds (how many updates, how many bytes), not one per keystroke. A document is an audit's
 * board or its meeting state; entries name the audit, and the meeting with `document: "meeting"`.
 * One timer, once a second, writes the batches whose window has passed: not a timer per person
 * (with 500 people editing that was 100 wake-ups and trail appends a second), nor every batch at
 * once (300 entries hashed into the chain in one go hold the event loop for 10–20 ms).
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
  openedAtMs: number;
}

const TICK_MS = 1_000;

export class DocumentChangeLog {
  /** Open batches by document, then by person (nested maps: no key string built per edit). */
  private readonly batches = new Map<string, Map<string, Batch>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly trail: AuditTrail,
    private readonly windowMs = 5_000,
  ) {}

  add(documentName: string, who: { userId: string; name: string; email: string; agency: Agency }, bytes: number): void {
    let byPerson = this.batches.get(documentName);
    const batch = byPerson?.get(who.userId);
    if (batch) {
      batch.updates += 1;
      batch.bytes += bytes;
      return;
    }
    if (!byPerson) {
      byPerson = new Map();
      this.batches.set(documentName, byPerson);
    }
    this.timer ??= setInterval(() => this.writeDue(), Math.min(TICK_MS, this.windowMs)).unref();
    byPerson.set(who.userId, {
      documentName,
      userId: who.userId,
      actor: actorOf({ id: who.userId, ...who }).actor,
      agency: who.agency.name,
      updates: 1,
      bytes,
      firstAt: new Date().toISOString(),
      openedAtMs: performance.now(),
    });
  }

  /** Writes the batches open for a whole window; stops ticking once none is left. */
  private writeDue(): void {
    const due = performance.now() - this.windowMs;
    for (const [name, byPerson] of this.batches) {
      for (const batch of byPerson.values()) if (batch.openedAtMs <= due) this.write(byPerson, batch);
      if (byPerson.size === 0) this.batches.delete(name);
    }
    if (this.batches.size === 0) this.stopTicking();
  }

  private stopTicking(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Writes the open batch of one person on one document (on disconnect), or every batch. */
  flush(documentName?: string, userId?: string): void {
    for (const [name, byPerson] of this.batches) {
      if (documentName !== undefined && name !== documentName) continue;
      for (const batch of byPerson.values()) if (userId === undefined || batch.userId === userId) this.write(byPerson, batch);
      if (byPerson.size === 0) this.batches.delete(name);
    }
    if (this.batches.size === 0) this.stopTicking();
  }

  private write(byPerson: Map<string, Batch>, batch: Batch): void {
    byPerson.delete(batch.userId);
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
