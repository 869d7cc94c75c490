/**
 * Makes access changes take effect on open connections at once, to an audit's board and to its
 * meeting document alike: a removed member or a signed-out session is closed, a changed role is
 * applied to the live connection (read-only or writable; on the meeting document only chairs
 * write) and the page is told. A freeze or reopening is applied the same way, to the board only
 * (the meeting document never freezes). Also sweeps connections whose session has expired.
 * With several nodes each change is also published to the others (ClusterBus), which apply it to
 * their own connections: a removed member is out of every node at once.
 */
import type { Connection, Hocuspocus } from "@hocuspocus/server";
import type * as Y from "yjs";
import type { AccessChangedMessage } from "../../shared/domain/liveAccess.ts";
import type { Sessions } from "../auth/sessions.ts";
import { encodeStateVectorText, FreezeBarrier } from "../cluster/freezeBarrier.ts";
import type { Cluster, ClusterEvent, ConnectionSelector } from "../cluster/index.ts";
import { log } from "../log.ts";
import { type DocumentRef, parseDocumentName, type Store } from "../store/index.ts";
import { CLOSE, type ConnectionContext, isConnectionContext } from "./context.ts";
import { readOnlyFor } from "./extensions/access.ts";
import type { FreezeGate } from "./freezeGate.ts";

export class LiveAccess {
  private sweeper: NodeJS.Timeout | undefined;
  private readonly barrier: FreezeBarrier;

  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly store: Store,
    private readonly sessions: Sessions,
    private readonly gate: FreezeGate,
    private readonly cluster: Cluster,
  ) {
    cluster.bus.subscribe((event) => this.fromOtherNode(event));
    cluster.onReconnected(() => {
      this.recheckFromStore().catch((error: unknown) =>
        log.error("cluster: rechecking access after an outage failed", { error: String(error) }),
      );
    });
    this.barrier = new FreezeBarrier(
      cluster.bus,
      (name) => cluster.requestPeerState(name),
      () => cluster.isConnected,
    );
  }

  /** Before a freeze locks anything: refuses (503) while the other nodes cannot be reached. */
  assertOtherNodesReachable(): void {
    this.barrier.assertReachable();
  }

  /**
   * After this node froze `auditId` (see domain/freeze.ts): every other node freezes it and `doc`
   * gets what they had. On failure (503) the freeze is undone everywhere.
   */
  async freezeOtherNodes(auditId: string, doc: Y.Doc): Promise<void> {
    try {
      await this.barrier.freezeOthers(auditId, doc);
    } catch (error) {
      this.gate.reopen(auditId);
      this.applyFreeze(auditId);
      this.reopenOtherNodes(auditId);
      throw error;
    }
  }

  reopenOtherNodes(auditId: string): void {
    this.tellOtherNodes({ type: "reopen", auditId });
  }

  /** Re-reads `userId`'s membership of `auditId` and applies it to their open connections, on every node. */
  async applyMembership(auditId: string, userId: string): Promise<void> {
    await this.applyMembershipHere(auditId, userId);
    this.tellOtherNodes({ type: "membership", auditId, userId });
  }

  /** `onlyIfChanged`: leave alone (and do not tell) connections whose role and agency are current. */
  private async applyMembershipHere(auditId: string, userId: string, onlyIfChanged = false): Promise<void> {
    const member = await this.store.getMember(auditId, userId);
    for (const { connection, context, ref } of this.connections((c, doc) => doc.auditId === auditId && c.userId === userId)) {
      if (!member) {
        connection.close(CLOSE.membershipRemoved);
        continue;
      }
      if (onlyIfChanged && context.role === member.role && context.agency === member.agency) continue;
      context.role = member.role;
      context.agency = member.agency;
      this.apply(connection, context, ref);
    }
  }

  /**
   * Applies the audit's freeze state to every open connection of its board and tells each page
   * (with `frozen`). Synchronous, so a freeze can read the board in the same tick.
   */
  applyFreeze(auditId: string): void {
    const frozen = this.gate.isFrozen(auditId);
    const board = (_c: ConnectionContext, doc: DocumentRef) => doc.auditId === auditId && doc.kind === "board";
    for (const { connection, context, ref } of this.connections(board)) this.apply(connection, context, ref, frozen);
  }

  /**
   * `frozen` is sent on a freeze or reopening, and on a role change while the audit is frozen;
   * never on the meeting document, whose access does not depend on the freeze.
   */
  private apply(connection: Connection, context: ConnectionContext, ref: DocumentRef, frozen?: boolean): void {
    const isFrozen = this.gate.isFrozen(ref.auditId);
    const readOnly = readOnlyFor(ref, context.role, isFrozen);
    connection.readOnly = readOnly;
    if (ref.kind === "board") frozen ??= isFrozen || undefined;
    else frozen = undefined;
    const message: AccessChangedMessage = {
      type: "access-changed",
      role: context.role,
      readOnly,
      ...(frozen === undefined ? {} : { frozen }),
    };
    connection.sendStateless(JSON.stringify(message));
  }

  /** Closes every connection, on every node, of a signed-out session, a revoked token or a disabled user. */
  closeConnections(selector: ConnectionSelector): void {
    this.closeHere(selector);
    this.tellOtherNodes({ type: "close-connections", selector });
  }

  /** A freeze or reopening made on another node: mirror it in this node's gate and connections. */
  private freezeHere(auditId: string, frozen: boolean): void {
    if (frozen) this.gate.freeze(auditId, this.hocuspocus.documents.get(auditId)?.getConnections() ?? []);
    else this.gate.reopen(auditId);
    this.applyFreeze(auditId);
  }

  private closeHere(selector: ConnectionSelector): void {
    const match: (context: ConnectionContext) => boolean =
      "userId" in selector
        ? (c) => c.userId === selector.userId
        : "tokenId" in selector
          ? (c) => c.tokenId === selector.tokenId
          : (c) => c.sessionIdHash !== undefined && selector.sessionIdHashes.includes(c.sessionIdHash);
    for (const { connection } of this.connections((context) => match(context))) connection.close(CLOSE.sessionEnded);
  }

  private tellOtherNodes(event: ClusterEvent): void {
    this.cluster.bus
      .publish(event)
      .catch((error: unknown) => log.error("cluster: could not tell the other nodes", { type: event.type, error: String(error) }));
  }

  private fromOtherNode(event: ClusterEvent): void {
    if (event.type === "membership") {
      this.applyMembershipHere(event.auditId, event.userId).catch((error: unknown) =>
        log.error("cluster: applying a membership change failed", { error: String(error) }),
      );
    } else if (event.type === "close-connections") this.closeHere(event.selector);
    else if (event.type === "freeze") {
      this.freezeHere(event.auditId, true);
      const document = this.hocuspocus.documents.get(event.auditId);
      this.tellOtherNodes({ type: "frozen", requestId: event.requestId, stateVector: document && encodeStateVectorText(document) });
    } else if (event.type === "reopen") this.freezeHere(event.auditId, false);
  }

  /**
   * After an outage of the link between nodes, the access changes other nodes published meanwhile
   * are lost: re-read from the store what they would have said (freeze states, memberships,
   * tokens, disabled accounts) and apply it to this node's connections. Ended sessions need no
   * help: the sweep reads them from the store anyway.
   */
  async recheckFromStore(): Promise<void> {
    const freezeStates = await this.store.snapshots.freezeStates();
    for (const name of this.hocuspocus.documents.keys()) {
      const ref = parseDocumentName(name);
      if (ref?.kind !== "board") continue;
      const frozen = freezeStates.get(ref.auditId)?.frozen ?? false;
      if (frozen !== this.gate.isFrozen(ref.auditId)) this.freezeHere(ref.auditId, frozen);
    }
    const open = this.connections(() => true);
    const members = new Set(open.map(({ context, ref }) => `${ref.auditId}\n${context.userId}`));
    for (const pair of members) {
      const [auditId, userId] = pair.split("\n") as [string, string];
      await this.applyMembershipHere(auditId, userId, true);
    }
    // One read per person, however many connections they have open.
    const people = new Map<string, { active: boolean; tokenIds: Set<string> }>();
    for (const { connection, context } of open) {
      let person = people.get(context.userId);
      if (!person) {
        const user = await this.store.getUser(context.userId);
        const tokens = await this.store.listTokens(context.userId);
        person = { active: user !== undefined && !user.disabled, tokenIds: new Set(tokens.map((t) => t.id)) };
        people.set(context.userId, person);
      }
      const tokenGone = context.tokenId !== undefined && !person.tokenIds.has(context.tokenId);
      if (!person.active || tokenGone) connection.close(CLOSE.sessionEnded);
    }
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

  private connections(match: (context: ConnectionContext, document: DocumentRef) => boolean) {
    const found: Array<{ connection: Connection; context: ConnectionContext; ref: DocumentRef }> = [];
    for (const [name, document] of this.hocuspocus.documents) {
      const ref = parseDocumentName(name);
      if (!ref) continue;
      for (const connection of document.getConnections()) {
        const context = connection.context;
        if (isConnectionContext(context) && match(context, ref)) found.push({ connection, context, ref });
      }
    }
    return found;
  }
}
