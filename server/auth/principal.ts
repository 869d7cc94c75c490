/**
 * Who is making a request or opening a board: a signed-in session (cookie) or a personal access
 * token (Authorization: Bearer, or the collaboration provider's `token`). REST and WebSocket both
 * ask here, so they cannot disagree.
 */
import { parseCookie } from "cookie";
import type { Store } from "../store/index.ts";
import type { SessionRecord, UserRecord } from "../store/records.ts";
import type { AuditTrail } from "../trail/auditTrail.ts";
import type { Sessions } from "./sessions.ts";
import { findToken } from "./tokens.ts";

export const SESSION_COOKIE = "maca_session";

export interface Principal {
  user: UserRecord;
  via: "session" | "token";
  session?: SessionRecord;
  tokenId?: string;
}

export interface Credentials {
  cookie?: string | null;
  authorization?: string | null;
}

export class Authenticator {
  constructor(
    readonly store: Store,
    readonly sessions: Sessions,
    private readonly trail: AuditTrail,
  ) {}

  /** The session id in a Cookie header, if any. */
  static sessionIdFrom(cookieHeader: string | null | undefined): string | undefined {
    if (!cookieHeader) return undefined;
    return parseCookie(cookieHeader)[SESSION_COOKIE] || undefined;
  }

  /**
   * A Bearer header wins over a cookie and, if wrong, fails on its own: a script with a revoked
   * token must see the refusal, not act as whoever's cookie happens to be in the jar.
   */
  async fromCredentials({ cookie, authorization }: Credentials): Promise<Principal | undefined> {
    if (authorization) {
      const match = /^Bearer ([\x21-\x7e]+)$/i.exec(authorization.trim());
      return match ? this.fromToken(match[1]) : undefined;
    }
    const sessionId = Authenticator.sessionIdFrom(cookie);
    return sessionId ? this.fromSessionId(sessionId) : undefined;
  }

  async fromToken(token: string): Promise<Principal | undefined> {
    const record = await findToken(this.store, token);
    const user = record && (await this.activeUser(record.userId));
    return user && record ? { user, via: "token", tokenId: record.id } : undefined;
  }

  async fromSessionId(id: string): Promise<Principal | undefined> {
    const found = await this.sessions.lookup(id);
    if (found.state === "expired") {
      void this.trail.record({ type: "session-expired", userId: found.session.userId });
      return undefined;
    }
    if (found.state === "none") return undefined;
    const user = await this.activeUser(found.session.userId);
    if (!user) return undefined;
    await this.sessions.touch(found.session);
    return { user, via: "session", session: found.session };
  }

  private async activeUser(userId: string): Promise<UserRecord | undefined> {
    const user = await this.store.getUser(userId);
    return user && !user.disabled ? user : undefined;
  }
}
