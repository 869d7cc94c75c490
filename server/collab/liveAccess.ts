/**
 * Makes access changes take effect on open board connections at once: a removed member or a
 * signed-out session is closed, a changed role is applied to the live connection (read-only or
 * writable) and the page is told. A freeze or reopening is applied the same way. Also sweeps
 * connections whose session has expired.
 */
import type { Connection, Hocuspocus } from "@hocuspocus/server";
import type { AccessChangedMessage } from "../../shared/domain/liveAccess.ts";
import type { Sessions } from "../auth/sessions.ts";
import { log } from "../log.ts";
import type { Store } from "../store/index.ts";
import { CLOSE, type ConnectionContext, isConnectionContext } from "./context.ts";
import type { FreezeGate } from "./freezeGate.ts";

export class LiveAccess {
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly store: Store,
    private readonly sessions: Sessions,
    private readonly gate: FreezeGate,
  ) {}

  /** Re-reads `userId`'s membership of `auditId` and applies it to their open connections. */
  async applyMembership(auditId: string, userId: string): Promise<void> {
    const member = await this.store.getMember(auditId, userId);
    for (const { connection, context } of this.connections((c, doc) => doc === auditId && c.userId === userId)) {
      if (!member) {
        connection.close(CLOSE.membershipRemoved);
        continue;
      }
      context.role = member.role;
      context.agency = member.agency;
      this.apply(connection, context, auditId);
    }
  }

  /**
   * Applies the audit's freeze state to every open connection of its board and tells each page
   * (with `frozen`). Synchronous, so a freeze can read the board in the same tick.
   */
  applyFreeze(auditId: string): void {
    const frozen = this.gate.isFrozen(auditId);
    for (const { connection, context } of this.connections((_c, doc) => doc === auditId)) this.apply(connection, context, auditId, frozen);
  }

  /** `frozen` is sent on a freeze or reopening, and on a role change while the audit is frozen. */
  private apply(connection: Connection, context: ConnectionContext, auditId: string, frozen?: boolean): void {
    const readOnly = context.role === "observer" || this.gate.isFrozen(auditId);
    connection.readOnly = readOnly;
    frozen ??= this.gate.isFrozen(auditId) || undefined;
    const message: AccessChangedMessage = {
      type: "access-changed",
      role: context.role,
      readOnly,
      ...(frozen === undefined ? {} : { frozen }),
    };
    connection.sendStateless(JSON.stringify(message));
  }

  /** Closes every connection matching (a signed-out session, a revoked token, a disabled user). */
  close(match: (context: ConnectionContext) => boolean): number {
    const found = this.connections((context) => match(context));
    for (const { connection } of found) connection.close(CLOSE.sessionEnded);
    return found.length;
  }

  /** Checks open connections' sessions every `everyMs` and closes the expired ones. */
  startSweeping(everyMs: number): void {
    this.sweeper = setInterval(() => {
      this.sweep().catch((error) => log.error("session sweep failed", { error: String(error) }));
    }, everyMs);
    this.sweeper.unref();
  }

  stop(): void {
    clearInterval(this.sweeper);
  }

  private async sweep(): Promise<void> {
    await this.sessions.sweep();
    for (const { connection, context } of this.connections((c) => c.sessionIdHash !== undefined)) {
      if (!(await this.sessions.isActive(context.sessionIdHash as string))) connection.close(CLOSE.sessionEnded);
    }
  }

  private connections(match: (context: ConnectionContext, auditId: string) => boolean) {
    const found: Array<{ connection: Connection; context: ConnectionContext }> = [];
    for (const [auditId, document] of this.hocuspocus.documents) {
      for (const connection of document.getConnections()) {
        const context = connection.context;
        if (isConnectionContext(context) && match(context, auditId)) found.push({ connection, context });
      }
    }
    return found;
  }
}
