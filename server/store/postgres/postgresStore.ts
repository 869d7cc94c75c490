/**
 * The production store: everything in one PostgreSQL database that several server nodes share.
 * Opening it checks that commits are durable and runs the schema migrations (migrations.ts).
 * Documents are a compacted state plus update rows any node appends to (documentLog.ts); the
 * audit trail is chained inside the database (trail.ts).
 */
import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { AuditMeta } from "../../../shared/domain/audit.ts";
import type { Health } from "../../health.ts";
import type { UnchainedEvent } from "../../trail/chain.ts";
import type { DocumentLog } from "../DocumentLog.ts";
import { parseDocumentName } from "../documentName.ts";
import type { AuditEvent, MemberRecord, SessionRecord, TokenRecord, UserRecord } from "../records.ts";
import { encodeStoredDocument } from "../replay.ts";
import type { SessionFilter, Store } from "../Store.ts";
import { asBuffer, checkDurability, createPool, inTransaction, redactedUrl } from "./connect.ts";
import { PostgresDocumentLog, readStoredDocument } from "./documentLog.ts";
import { migrate } from "./migrations.ts";
import * as people from "./people.ts";
import { json, PostgresSnapshotStore } from "./snapshots.ts";
import * as trail from "./trail.ts";
import { UpdateWriter } from "./updateWriter.ts";

export interface PostgresOptions {
  url: string;
  poolMax: number;
}

/** Only an audit's board and meeting documents are stored (the same names the lowdb store accepts). */
function checkedName(documentName: string): string {
  if (!parseDocumentName(documentName)) throw new Error(`Not a document name: ${JSON.stringify(documentName.slice(0, 80))}`);
  return documentName;
}

export class PostgresStore implements Store {
  readonly snapshots: PostgresSnapshotStore;
  private readonly writer: UpdateWriter;

  private constructor(
    private readonly pool: pg.Pool,
    health: Health,
  ) {
    this.snapshots = new PostgresSnapshotStore(pool);
    // A random id per store: its update rows are told apart from other nodes' by it.
    this.writer = new UpdateWriter(pool, randomBytes(8).toString("hex"), health);
  }

  static async open(options: PostgresOptions, health: Health): Promise<PostgresStore> {
    const pool = createPool(options.url, options.poolMax, health);
    try {
      await checkDurability(pool);
      await migrate(pool);
    } catch (error) {
      await pool.end();
      throw new Error(`PostgreSQL at ${redactedUrl(options.url)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return new PostgresStore(pool, health);
  }

  /** This store's node id (in its update rows). */
  get node(): string {
    return this.writer.node;
  }

  async listAudits(): Promise<AuditMeta[]> {
    const { rows } = await this.pool.query<{ meta: AuditMeta }>("SELECT meta FROM audits ORDER BY ord");
    return rows.map((r) => r.meta);
  }

  async getAudit(id: string): Promise<AuditMeta | undefined> {
    const { rows } = await this.pool.query<{ meta: AuditMeta }>("SELECT meta FROM audits WHERE id = $1", [id]);
    return rows[0]?.meta;
  }

  async createAudit(meta: AuditMeta, initialState: Uint8Array, members: MemberRecord[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query("INSERT INTO doc_states (document, state) VALUES ($1, $2)", [checkedName(meta.id), asBuffer(initialState)]);
      await client.query("INSERT INTO audits (id, meta) VALUES ($1, $2)", [meta.id, json(meta)]);
      for (const member of members) await people.putMember(client, member);
    });
  }

  async openDocumentLog(documentName: string): Promise<DocumentLog> {
    return PostgresDocumentLog.open(this.pool, this.writer, checkedName(documentName));
  }

  async loadDocument(documentName: string): Promise<Uint8Array | undefined> {
    const stored = await readStoredDocument(this.pool, checkedName(documentName));
    if (!stored.state && stored.updates.length === 0) return undefined;
    return encodeStoredDocument(stored, documentName);
  }

  async storeDocument(documentName: string, state: Uint8Array): Promise<void> {
    await this.pool.query(
      "INSERT INTO doc_states (document, state) VALUES ($1, $2) ON CONFLICT (document) DO UPDATE SET state = excluded.state",
      [checkedName(documentName), asBuffer(state)],
    );
  }

  listUsers(): Promise<UserRecord[]> {
    return people.listUsers(this.pool);
  }

  getUser(id: string): Promise<UserRecord | undefined> {
    return people.getUser(this.pool, "id", id);
  }

  getUserByEmail(email: string): Promise<UserRecord | undefined> {
    return people.getUser(this.pool, "email", email);
  }

  createUser(user: UserRecord): Promise<void> {
    return people.createUser(this.pool, user);
  }

  updateUser(id: string, change: Partial<Omit<UserRecord, "id" | "createdAt">>): Promise<UserRecord | undefined> {
    return people.updateUser(this.pool, id, change);
  }

  listMembers(auditId: string): Promise<MemberRecord[]> {
    return people.listMembers(this.pool, "audit_id", auditId);
  }

  getMember(auditId: string, userId: string): Promise<MemberRecord | undefined> {
    return people.getMember(this.pool, auditId, userId);
  }

  listMembershipsOf(userId: string): Promise<MemberRecord[]> {
    return people.listMembers(this.pool, "user_id", userId);
  }

  putMember(member: MemberRecord): Promise<void> {
    return people.putMember(this.pool, member);
  }

  removeMember(auditId: string, userId: string): Promise<boolean> {
    return people.removeMember(this.pool, auditId, userId);
  }

  createSession(session: SessionRecord): Promise<void> {
    return people.createSession(this.pool, session);
  }

  getSession(idHash: string): Promise<SessionRecord | undefined> {
    return people.getSession(this.pool, idHash);
  }

  touchSession(idHash: string, at: string): Promise<void> {
    return people.touchSession(this.pool, idHash, at);
  }

  deleteSessions(where: SessionFilter): Promise<SessionRecord[]> {
    return people.deleteSessions(this.pool, where);
  }

  createToken(token: TokenRecord): Promise<void> {
    return people.createToken(this.pool, token);
  }

  async getTokenByHash(hash: string): Promise<TokenRecord | undefined> {
    return (await people.getToken(this.pool, "hash", hash))[0];
  }

  listTokens(userId: string): Promise<TokenRecord[]> {
    return people.getToken(this.pool, "user_id", userId);
  }

  touchToken(id: string, at: string): Promise<void> {
    return people.touchToken(this.pool, id, at);
  }

  deleteToken(id: string): Promise<TokenRecord | undefined> {
    return people.deleteToken(this.pool, id);
  }

  appendTrail(entries: UnchainedEvent[]): Promise<AuditEvent[]> {
    return trail.appendTrail(this.pool, entries);
  }

  readTrail(): Promise<AuditEvent[]> {
    return trail.readTrail(this.pool);
  }

  listAllMembers(): Promise<MemberRecord[]> {
    return people.listAllMembers(this.pool);
  }

  listAllSessions(): Promise<SessionRecord[]> {
    return people.listAllSessions(this.pool);
  }

  async listAllTokens(): Promise<TokenRecord[]> {
    return people.listAllTokens(this.pool);
  }

  async close(): Promise<void> {
    await this.writer.settled();
    await this.pool.end();
  }
}
