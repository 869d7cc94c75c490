/**
 * Board edits reach the audit trail in batches: one entry per person per document per few
 * seconds (how many updates, how many bytes), not one per keystroke. A document is an audit's
 * board or its meeting state; entries name the audit, and the meeting with `document: "meeting"`.
 * One timer, ten times a second, writes the batches whose window has passed, at most
 * MAX_WRITES_PER_TICK of them: not a timer per person (with 500 people editing that was 100
 * wake-ups and trail appends a second), nor every due batch at once. People who start editing
 * together (a meeting opening) have their windows end together, and 500 entries hashed into the
 * chain in one go held the event loop for 20–40 ms every five seconds (measured: the slowest
 * edits of the 50-board benchmark came in those bursts). Capped, a burst is spread over the next
 * ticks, after which the windows stay spread; a batch left waiting just covers a little longer.
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

const TICK_MS = 100;
/** ~25 entries hash in about a millisecond; 250 a second is over twice what 500 editors need. */
const MAX_WRITES_PER_TICK = 25;

export class DocumentChangeLog {
  /** Open batches by document, then by person (nested maps: no key string built per edit). */
  private readonly batches = new Map<string, Map<string, Batch>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly trail: Pick<AuditTrail, "record">,
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

  /**
   * Writes batches open for a whole window, up to the cap; stops ticking once none is left. A
   * written batch's next one joins the end of its document's map, so the walk goes round.
   */
  private writeDue(): void {
    const due = performance.now() - this.windowMs;
    let budget = MAX_WRITES_PER_TICK;
    for (const [name, byPerson] of this.batches) {
      for (const batch of byPerson.values()) {
        if (budget === 0) break;
        if (batch.openedAtMs > due) continue;
        this.write(byPerson, batch);
        budget -= 1;
      }
      if (byPerson.size === 0) this.batches.delete(name);
      if (budget === 0) break;
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
