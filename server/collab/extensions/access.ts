/**
 * Who may open which board, as whom, and what they may send.
 * - onAuthenticate: a session cookie or an access token, then membership of an existing audit;
 *   every failure gets the same refusal so nobody learns which audits exist. Observers, and
 *   everyone while the audit is frozen, are read-only (Hocuspocus then drops their updates).
 * - beforeHandleAwareness: presence states carry the server's name and agency for the sender,
 *   and nobody can set or clear another connection's presence.
 * - Cards added over the socket are stamped with the writer's name and agency.
 * - Connects, refusals, disconnects and (batched) edits go to the audit trail.
 */
import type {
  afterLoadDocumentPayload,
  beforeHandleAwarenessPayload,
  connectedPayload,
  Extension,
  onAuthenticatePayload,
  onChangePayload,
  onDisconnectPayload,
} from "@hocuspocus/server";
import { guardAuthorship } from "../../../shared/board/index.ts";
import { IdSchema } from "../../../shared/validation/audit.ts";
import type { Authenticator } from "../../auth/principal.ts";
import { log } from "../../log.ts";
import type { Store } from "../../store/index.ts";
import { type AuditTrail, actorOf } from "../../trail/auditTrail.ts";
import type { DocumentChangeLog } from "../../trail/documentChanges.ts";
import { type ConnectionContext, contextOfOrigin, isConnectionContext } from "../context.ts";
import type { FreezeGate } from "../freezeGate.ts";
import type { PendingSockets } from "../pendingSockets.ts";

export interface AccessDeps {
  store: Store;
  auth: Authenticator;
  trail: AuditTrail;
  changes: DocumentChangeLog;
  pending: PendingSockets;
  gate: FreezeGate;
}

const COLOUR = /^#[0-9a-f]{6}$/i;

export function accessExtension({ store, auth, trail, changes, pending, gate }: AccessDeps): Extension {
  const refuse = (reason: string, documentName: string, userId?: string): never => {
    log.warn("refused a collaboration connection", { reason, document: documentName.slice(0, 80) });
    // Tagged with the audit when the name is a well-formed id, so its chair sees attempts on it.
    const auditId = IdSchema.safeParse(documentName);
    void trail.record({ type: "ws-refused", userId, auditId: auditId.success ? auditId.data : undefined, detail: { reason } });
    // Same message whatever the reason: an outsider cannot tell "no such audit" from "not yours".
    throw new Error("permission-denied");
  };

  return {
    extensionName: "Access",

    async onAuthenticate({ token, requestHeaders, documentName, connectionConfig }: onAuthenticatePayload): Promise<ConnectionContext> {
      const principal = token ? await auth.fromToken(token) : await auth.fromCredentials({ cookie: requestHeaders.get("cookie") });
      if (!principal) return refuse("not signed in", documentName);
      const auditId = IdSchema.safeParse(documentName);
      const member = auditId.success ? await store.getMember(auditId.data, principal.user.id) : undefined;
      if (!member || !(await store.getAudit(member.auditId))) return refuse("not a member", documentName, principal.user.id);
      // A frozen board is read-only for everyone (the Freeze extension re-checks at every sync).
      connectionConfig.readOnly = member.role === "observer" || gate.isFrozen(member.auditId);
      return {
        userId: principal.user.id,
        name: principal.user.name,
        email: principal.user.email,
        agency: member.agency,
        role: member.role,
        sessionIdHash: principal.session?.idHash,
        tokenId: principal.tokenId,
      };
    },

    async connected({ context, documentName, request, connectionConfig }: connectedPayload) {
      pending.settle(request);
      if (!isConnectionContext(context)) return;
      await trail.record({
        type: "ws-connected",
        ...actorOf({ id: context.userId, ...context }),
        auditId: documentName,
        detail: { role: context.role, readOnly: connectionConfig.readOnly, via: context.tokenId ? "token" : "session" },
      });
    },

    async onDisconnect({ context, documentName }: onDisconnectPayload) {
      if (!isConnectionContext(context)) return;
      changes.flush(documentName, context.userId);
      await trail.record({
        type: "ws-disconnected",
        ...actorOf({ id: context.userId, ...context }),
        auditId: documentName,
      });
    },

    async afterLoadDocument({ document }: afterLoadDocumentPayload) {
      guardAuthorship(document, (origin) => {
        const context = contextOfOrigin(origin);
        return context && { author: context.name, agency: context.agency.id };
      });
    },

    async onChange({ context, documentName, update }: onChangePayload) {
      if (!isConnectionContext(context)) return;
      changes.add(documentName, context, update.byteLength);
      // Editing the board is activity: it keeps the session from idling out.
      if (context.sessionIdHash) await auth.sessions.touchHash(context.sessionIdHash);
    },

    async beforeHandleAwareness({ context, connection, document, states }: beforeHandleAwarenessPayload) {
      if (!connection || !isConnectionContext(context)) return;
      const others = document.getConnections().filter((other) => other !== connection);
      for (const [clientId, state] of states) {
        if (others.some((other) => document.getClients(other).has(clientId))) {
          states.delete(clientId);
          continue;
        }
        const claimed = (state.user ?? {}) as { color?: unknown };
        state.user = {
          name: context.name,
          agency: context.agency.name,
          agencyId: context.agency.id,
          color: typeof claimed.color === "string" && COLOUR.test(claimed.color) ? claimed.color : "#374151",
        };
      }
    },
  };
}
