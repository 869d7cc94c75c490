/**
 * The in-memory, synchronous answer to "is this audit's board frozen?", which every write path
 * asks at the last moment before it changes the live document:
 * - REST writes ask inside their Yjs transaction (changeLiveDocument), so a freeze cannot slip in
 *   between the check and the change;
 * - WebSocket updates are refused by Hocuspocus itself when `connection.readOnly` is set, which it
 *   checks synchronously just before applying an update. freeze() sets that flag on every
 *   connection that could still apply one: those attached to the document and those with a sync
 *   message already past the beforeSync hook (tracked here), which may have been detached
 *   meanwhile. Connections that reach beforeSync later see isFrozen() there.
 * The stored FreezeState is the durable record; this mirrors it (loaded at start-up).
 */
import type { Connection } from "@hocuspocus/server";
import { DomainError } from "../domain/errors.ts";
import type { Store } from "../store/index.ts";

export const FROZEN_MESSAGE = "This audit is frozen: reopen it to change the board";

export class FreezeGate {
  private readonly frozen = new Set<string>();
  /** Connections whose current sync message has passed beforeSync but is not yet handled. */
  private readonly inFlight = new Map<string, Set<Connection>>();
  /** Audits with a freeze or reopening under way (they take several awaits; one at a time). */
  private readonly busy = new Set<string>();

  static async open(store: Store): Promise<FreezeGate> {
    const gate = new FreezeGate();
    for (const [auditId, state] of await store.snapshots.freezeStates()) if (state.frozen) gate.frozen.add(auditId);
    return gate;
  }

  isFrozen(auditId: string): boolean {
    return this.frozen.has(auditId);
  }

  /** Throws the 409 REST writers answer with. */
  assertWritable(auditId: string): void {
    if (this.frozen.has(auditId)) throw new DomainError(409, FROZEN_MESSAGE);
  }

  /**
   * Marks the audit frozen and makes `attached` and every in-flight connection read-only.
   * Synchronous on purpose: the caller reads the freeze state in the same tick.
   */
  freeze(auditId: string, attached: Iterable<Connection>): void {
    this.frozen.add(auditId);
    for (const connection of attached) connection.readOnly = true;
    for (const connection of this.inFlight.get(auditId) ?? []) connection.readOnly = true;
  }

  /** Lets writes in again; connections get their role's access back through LiveAccess. */
  reopen(auditId: string): void {
    this.frozen.delete(auditId);
  }

  /** Runs a freeze or reopening of `auditId`, refusing (409) while another one is under way. */
  async exclusive<T>(auditId: string, run: () => Promise<T>): Promise<T> {
    if (this.busy.has(auditId)) throw new DomainError(409, "A freeze or reopening of this audit is already under way");
    this.busy.add(auditId);
    try {
      return await run();
    } finally {
      this.busy.delete(auditId);
    }
  }

  /** Called from beforeSync: this connection's message may apply an update soon. */
  enter(auditId: string, connection: Connection): void {
    let set = this.inFlight.get(auditId);
    if (!set) {
      set = new Set();
      this.inFlight.set(auditId, set);
    }
    set.add(connection);
  }

  /** Called from afterHandleMessage: the message has been applied or refused. */
  leave(auditId: string, connection: Connection): void {
    // The audit's set stays when empty (one per audit with live traffic): dropped and made
    // again, it was a new Set for nearly every edit.
    this.inFlight.get(auditId)?.delete(connection);
  }
}
