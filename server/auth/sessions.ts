/**
 * Signed-in sessions: a random id in an httpOnly cookie, kept server-side only as its hash.
 * A session ends after `idleMs` without activity or `absoluteMs` after sign-in, whichever first.
 */

import { log } from "../log.ts";
import type { Store } from "../store/index.ts";
import type { SessionRecord } from "../store/records.ts";
import { newSecret, sha256 } from "./secrets.ts";

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

/** Activity is written at most this often per session. */
const TOUCH_EVERY_MS = 15_000;

export type SessionLookup = { state: "active"; session: SessionRecord } | { state: "expired"; session: SessionRecord } | { state: "none" };

export class Sessions {
  private readonly lastTouched = new Map<string, number>();

  constructor(
    private readonly store: Store,
    readonly policy: SessionPolicy,
  ) {}

  /** A new session for `userId`; the returned id goes in the cookie and is never stored. */
  async create(userId: string): Promise<{ id: string; session: SessionRecord }> {
    const id = newSecret();
    const now = new Date().toISOString();
    const session: SessionRecord = { idHash: sha256(id), userId, csrfToken: newSecret(), createdAt: now, lastSeenAt: now };
    await this.store.createSession(session);
    return { id, session };
  }

  /** Finds the session for a cookie value; an expired one is deleted and reported as such. */
  async lookup(id: string): Promise<SessionLookup> {
    const session = await this.store.getSession(sha256(id));
    if (!session) return { state: "none" };
    if (this.isExpired(session, Date.now())) {
      await this.store.deleteSessions({ idHash: session.idHash });
      return { state: "expired", session };
    }
    return { state: "active", session };
  }

  /** Records activity (a request or an edit), which keeps the session from idling out. */
  async touch(session: SessionRecord): Promise<void> {
    const now = Date.now();
    if (now - Date.parse(session.lastSeenAt) < TOUCH_EVERY_MS) return;
    session.lastSeenAt = new Date(now).toISOString();
    await this.store.touchSession(session.idHash, session.lastSeenAt);
  }

  /**
   * Activity seen on a board connection, which knows only the session's hash. Called for every
   * edit, so it is synchronous and writes only when the throttle lets it (a failed write is
   * only logged: the next edit past the throttle tries again).
   */
  touchHash(idHash: string): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(idHash) ?? 0) < TOUCH_EVERY_MS) return;
    this.lastTouched.set(idHash, now);
    this.store.touchSession(idHash, new Date(now).toISOString()).catch((error: unknown) => {
      this.lastTouched.delete(idHash);
      log.warn("could not record a session's activity", { error: String(error) });
    });
  }

  isExpired(session: SessionRecord, now: number): boolean {
    return now - Date.parse(session.lastSeenAt) > this.policy.idleMs || now - Date.parse(session.createdAt) > this.policy.absoluteMs;
  }

  /** Still alive right now (read from the store, so touches from other requests count). */
  async isActive(idHash: string): Promise<boolean> {
    const session = await this.store.getSession(idHash);
    return session !== undefined && !this.isExpired(session, Date.now());
  }

  end(idHash: string): Promise<SessionRecord[]> {
    this.lastTouched.delete(idHash);
    return this.store.deleteSessions({ idHash });
  }

  /** Ends every session of `userId` except `keepIdHash` (the one asking, if any). */
  endAllOf(userId: string, keepIdHash?: string): Promise<SessionRecord[]> {
    return this.store.deleteSessions({ userId, exceptIdHash: keepIdHash });
  }

  /** Deletes every expired session and returns them. */
  async sweep(): Promise<SessionRecord[]> {
    const now = Date.now();
    for (const [idHash, at] of this.lastTouched) if (now - at > this.policy.idleMs) this.lastTouched.delete(idHash);
    return this.store.deleteSessions({
      lastSeenBefore: new Date(now - this.policy.idleMs).toISOString(),
      createdBefore: new Date(now - this.policy.absoluteMs).toISOString(),
    });
  }
}
