/**
 * Who may open which document, as whom, and what they may send. An audit has two documents:
 * its board (named by the audit id) and its meeting state (`<auditId>:meeting`).
 * - onAuthenticate: a session cookie or an access token, then membership of an existing audit;
 *   every failure (a malformed name too) gets the same refusal so nobody learns which audits
 *   exist. On the board, observers, and everyone while the audit is frozen, are read-only
 *   (Hocuspocus then drops their updates). The meeting document is writable for the audit's
 *   chairs only, frozen or not: nobody else can move the room or run its timer.
 * - beforeHandleAwareness: presence states carry the server's name and agency for the sender,
 *   and nobody can set or clear another connection's presence.
 * - Cards and concerns added over the socket are stamped with the writer's name and agency.
 * - Connects, refusals, disconnects and (batched) edits go to the audit trail, tagged with the
 *   audit (and `document: "meeting"` for the meeting document).
 */
import type {
  afterLoadDocumentPayload,
  beforeHandleAwarenessPayload,
  connectedPayload,
  Extension,
  onAuthenticatePayload,
  onDisconnectPayload,
} from "@hocuspocus/server";
import { guardAuthorship } from "../../../shared/board/index.ts";
import type { Role } from "../../../shared/domain/account.ts";
import type { Authenticator } from "../../auth/principal.ts";
import { log } from "../../log.ts";
import { type DocumentRef, isBoardDocument, parseDocumentName, type Store } from "../../store/index.ts";
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

/** Whether a connection to `ref` as `role` is read-only (LiveAccess applies the same rule live). */
export function readOnlyFor(ref: DocumentRef, role: Role, frozen: boolean): boolean {
  return ref.kind === "meeting" ? role !== "chair" : role === "observer" || frozen;
}

/** The trail fields naming the document: the audit, and which of its documents when not the board. */
export function trailTarget(documentName: string): { auditId?: string; detail?: { document: "meeting" } } {
  const ref = parseDocumentName(documentName);
  if (!ref) return {};
  return ref.kind === "meeting" ? { auditId: ref.auditId, detail: { document: "meeting" } } : { auditId: ref.auditId };
}

export function accessExtension({ store, auth, trail, changes, pending, gate }: AccessDeps): Extension {
  const refuse = (reason: string, documentName: string, userId?: string): never => {
    log.warn("refused a collaboration connection", { reason, document: documentName.slice(0, 80) });
    // Tagged with the audit when the name is well-formed, so its chair sees attempts on it.
    const target = trailTarget(documentName);
    void trail.record({ type: "ws-refused", userId, auditId: target.auditId, detail: { reason, ...target.detail } });
    // Same message whatever the reason: an outsider cannot tell "no such audit" from "not yours".
    throw new Error("permission-denied");
  };

  return {
    extensionName: "Access",

    async onAuthenticate({ token, requestHeaders, documentName, connectionConfig }: onAuthenticatePayload): Promise<ConnectionContext> {
      const principal = token ? await auth.fromToken(token) : await auth.fromCredentials({ cookie: requestHeaders.get("cookie") });
      if (!principal) return refuse("not signed in", documentName);
      const ref = parseDocumentName(documentName);
      const member = ref ? await store.getMember(ref.auditId, principal.user.id) : undefined;
      if (!ref || !member || !(await store.getAudit(member.auditId))) return refuse("not a member", documentName, principal.user.id);
      // A frozen board is read-only for everyone (Freeze's per-message hook re-checks at every sync).
      connectionConfig.readOnly = readOnlyFor(ref, member.role, gate.isFrozen(member.auditId));
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
      const target = trailTarget(documentName);
      await trail.record({
        type: "ws-connected",
        ...actorOf({ id: context.userId, ...context }),
        auditId: target.auditId,
        detail: { role: context.role, readOnly: connectionConfig.readOnly, via: context.tokenId ? "token" : "session", ...target.detail },
      });
    },

    async onDisconnect({ context, documentName }: onDisconnectPayload) {
      if (!isConnectionContext(context)) return;
      changes.flush(documentName, context.userId);
      await trail.record({
        type: "ws-disconnected",
        ...actorOf({ id: context.userId, ...context }),
        ...trailTarget(documentName),
      });
    },

    async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
      // A listener rather than Hocuspocus's onChange hook: that hook costs a promise chain per
      // update, and this runs for every edit of every board (README, Performance).
      document.on("update", (update: Uint8Array, origin: unknown) => {
        const context = contextOfOrigin(origin);
        if (!context) return;
        changes.add(documentName, context, update.byteLength);
        // Editing the board is activity: it keeps the session from idling out.
        if (context.sessionIdHash) auth.sessions.touchHash(context.sessionIdHash);
      });
      // The meeting document has no authored entries (and only chairs write it).
      if (!isBoardDocument(documentName)) return;
      guardAuthorship(document, (origin) => {
        const context = contextOfOrigin(origin);
        return context && { author: context.name, agency: context.agency.id, agencyName: context.agency.name };
      });
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
