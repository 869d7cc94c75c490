/** What the server knows about each collaboration connection: who it is, set at authentication. */
import type { Connection } from "@hocuspocus/server";
import type { Role } from "../../shared/domain/account.ts";
import type { Agency } from "../../shared/domain/agencies.ts";

export interface ConnectionContext {
  userId: string;
  name: string;
  email: string;
  /** The agency this person writes as in this audit. */
  agency: Agency;
  role: Role;
  /** Set when the connection came with a session cookie; it closes when the session ends. */
  sessionIdHash?: string;
  /** Set when the connection came with a personal access token. */
  tokenId?: string;
}

export function isConnectionContext(value: unknown): value is ConnectionContext {
  return typeof value === "object" && value !== null && typeof (value as ConnectionContext).userId === "string";
}

/** The context of the connection a Yjs transaction came from, if it came from one. */
export function contextOfOrigin(origin: unknown): ConnectionContext | undefined {
  const connection = (origin as { source?: string; connection?: Connection } | null)?.connection;
  const context = connection?.context;
  return isConnectionContext(context) ? context : undefined;
}

/** Close codes the client reads to say why its board went away. */
export const CLOSE = {
  membershipRemoved: { code: 4403, reason: "membership-removed" },
  sessionEnded: { code: 4401, reason: "session-ended" },
} as const;
