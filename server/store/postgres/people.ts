/**
 * Users, audit members, sessions and API tokens in PostgreSQL, with the semantics of the Store
 * interface: lists in insertion order, lookups by email, session id hash, token hash and
 * (audit, member), and copies out (rows are decoded afresh on every read).
 */
import type pg from "pg";
import type { MemberRecord, SessionRecord, TokenRecord, UserRecord } from "../records.ts";
import type { SessionFilter } from "../Store.ts";
import { inTransaction } from "./connect.ts";
import { json } from "./snapshots.ts";

const UNIQUE_VIOLATION = "23505";

export async function listUsers(pool: pg.Pool): Promise<UserRecord[]> {
  const { rows } = await pool.query<{ record: UserRecord }>("SELECT record FROM users ORDER BY ord");
  return rows.map((r) => r.record);
}

export async function getUser(pool: pg.Pool, column: "id" | "email", value: string): Promise<UserRecord | undefined> {
  const { rows } = await pool.query<{ record: UserRecord }>(`SELECT record FROM users WHERE ${column} = $1`, [value]);
  return rows[0]?.record;
}

export async function createUser(pool: pg.Pool, user: UserRecord): Promise<void> {
  try {
    await pool.query("INSERT INTO users (id, email, record) VALUES ($1, $2, $3)", [user.id, user.email, json(user)]);
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new Error(`A user with email ${user.email} exists`);
    throw error;
  }
}

export async function updateUser(
  pool: pg.Pool,
  id: string,
  change: Partial<Omit<UserRecord, "id" | "createdAt">>,
): Promise<UserRecord | undefined> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ record: UserRecord }>("SELECT record FROM users WHERE id = $1 FOR UPDATE", [id]);
    const user = rows[0]?.record;
    if (!user) return undefined;
    for (const [key, value] of Object.entries(change)) {
      if (value !== undefined) Object.assign(user, { [key]: value });
    }
    await client.query("UPDATE users SET email = $2, record = $3 WHERE id = $1", [id, user.email, json(user)]);
    return JSON.parse(json(user)) as UserRecord;
  });
}

export async function listMembers(pool: pg.Pool, column: "audit_id" | "user_id", value: string): Promise<MemberRecord[]> {
  const { rows } = await pool.query<{ record: MemberRecord }>(`SELECT record FROM members WHERE ${column} = $1 ORDER BY ord`, [value]);
  return rows.map((r) => r.record);
}

export async function getMember(pool: pg.Pool, auditId: string, userId: string): Promise<MemberRecord | undefined> {
  const { rows } = await pool.query<{ record: MemberRecord }>("SELECT record FROM members WHERE audit_id = $1 AND user_id = $2", [
    auditId,
    userId,
  ]);
  return rows[0]?.record;
}

/** Adds the member, or replaces them (moving them to the end of the list, as the lowdb store does). */
export async function putMember(db: pg.Pool | pg.PoolClient, member: MemberRecord): Promise<void> {
  await db.query(
    `INSERT INTO members (audit_id, user_id, record) VALUES ($1, $2, $3)
     ON CONFLICT (audit_id, user_id) DO UPDATE SET record = excluded.record, ord = nextval('members_ord')`,
    [member.auditId, member.userId, json(member)],
  );
}

export async function removeMember(pool: pg.Pool, auditId: string, userId: string): Promise<boolean> {
  const result = await pool.query("DELETE FROM members WHERE audit_id = $1 AND user_id = $2", [auditId, userId]);
  return result.rowCount === 1;
}

interface SessionRow {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ord: string;
}

const sessionOf = (r: SessionRow): SessionRecord => ({
  idHash: r.id_hash,
  userId: r.user_id,
  csrfToken: r.csrf_token,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
});

export async function createSession(pool: pg.Pool, s: SessionRecord): Promise<void> {
  await pool.query("INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5)", [
    s.idHash,
    s.userId,
    s.csrfToken,
    s.createdAt,
    s.lastSeenAt,
  ]);
}

export async function getSession(pool: pg.Pool, idHash: string): Promise<SessionRecord | undefined> {
  const { rows } = await pool.query<SessionRow>("SELECT * FROM sessions WHERE id_hash = $1", [idHash]);
  return rows[0] && sessionOf(rows[0]);
}

export async function touchSession(pool: pg.Pool, idHash: string, at: string): Promise<void> {
  await pool.query("UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1", [idHash, at]);
}

/** A session matching any one of the filter's fields goes, except `exceptIdHash`. */
export async function deleteSessions(pool: pg.Pool, where: SessionFilter): Promise<SessionRecord[]> {
  const { rows } = await pool.query<SessionRow>(
    `DELETE FROM sessions
     WHERE id_hash IS DISTINCT FROM $5
       AND (id_hash = $1 OR user_id = $2 OR last_seen_at < $3 OR created_at < $4)
     RETURNING *`,
    [where.idHash ?? null, where.userId ?? null, where.lastSeenBefore ?? null, where.createdBefore ?? null, where.exceptIdHash ?? null],
  );
  return rows.sort((a, b) => Number(a.ord) - Number(b.ord)).map(sessionOf);
}

interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  hash: string;
  created_at: string;
  last_used_at: string | null;
}

const tokenOf = (r: TokenRow): TokenRecord => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  hash: r.hash,
  createdAt: r.created_at,
  ...(r.last_used_at === null ? {} : { lastUsedAt: r.last_used_at }),
});

export async function createToken(pool: pg.Pool, t: TokenRecord): Promise<void> {
  await pool.query("INSERT INTO tokens (id, user_id, name, hash, created_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $6)", [
    t.id,
    t.userId,
    t.name,
    t.hash,
    t.createdAt,
    t.lastUsedAt ?? null,
  ]);
}

export async function getToken(pool: pg.Pool, column: "hash" | "user_id", value: string): Promise<TokenRecord[]> {
  const { rows } = await pool.query<TokenRow>(`SELECT * FROM tokens WHERE ${column} = $1 ORDER BY ord`, [value]);
  return rows.map(tokenOf);
}

export async function touchToken(pool: pg.Pool, id: string, at: string): Promise<void> {
  await pool.query("UPDATE tokens SET last_used_at = $2 WHERE id = $1", [id, at]);
}

export async function deleteToken(pool: pg.Pool, id: string): Promise<TokenRecord | undefined> {
  const { rows } = await pool.query<TokenRow>("DELETE FROM tokens WHERE id = $1 RETURNING *", [id]);
  return rows[0] && tokenOf(rows[0]);
}

export async function listAllMembers(pool: pg.Pool): Promise<MemberRecord[]> {
  const { rows } = await pool.query<{ record: MemberRecord }>("SELECT record FROM members ORDER BY ord");
  return rows.map((r) => r.record);
}

export async function listAllSessions(pool: pg.Pool): Promise<SessionRecord[]> {
  const { rows } = await pool.query<SessionRow>("SELECT * FROM sessions ORDER BY ord");
  return rows.map(sessionOf);
}

export async function listAllTokens(pool: pg.Pool): Promise<TokenRecord[]> {
  const { rows } = await pool.query<TokenRow>("SELECT * FROM tokens ORDER BY ord");
  return rows.map(tokenOf);
}
