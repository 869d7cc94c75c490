/**
 * The embedded default store: metadata, people and access in one lowdb JSON file (written
 * atomically and fsync'd), each audit's board and meeting documents as a compacted state plus its
 * records in the journal shared by every document (journal/journal.ts; so a board edit never
 * rewrites the metadata file), and the audit trail in an append-only file. A lock file keeps a
 * second server out of the folder.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { Low } from "lowdb";
import type { AuditMeta } from "../../shared/domain/audit.ts";
import type { Health } from "../health.ts";
import { log } from "../log.ts";
import type { UnchainedEvent } from "../trail/chain.ts";
import { writeFileAtomic } from "./atomicFile.ts";
import type { DocumentLog } from "./DocumentLog.ts";
import { type DataDirLock, lockDataDir } from "./dataDirLock.ts";
import { DurableJsonFile } from "./durableJsonFile.ts";
import { docsDirOf, documentBase, stateFile } from "./journal/files.ts";
import { Journal } from "./journal/journal.ts";
import { JournalDocumentLog } from "./journal/journalDocumentLog.ts";
import { collectUpdates, readState } from "./journal/onDisk.ts";
import { encodeStateFile } from "./logRecords.ts";
import { EMPTY_SNAPSHOT_DATA, LowdbSnapshotStore, type SnapshotData } from "./lowdbSnapshots.ts";
import type { AuditEvent, MemberRecord, SessionRecord, TokenRecord, UserRecord } from "./records.ts";
import { encodeStoredDocument } from "./replay.ts";
import type { SnapshotStore } from "./SnapshotStore.ts";
import type { SessionFilter, Store } from "./Store.ts";
import { SnapshotFiles } from "./snapshotFiles.ts";
import { TrailFile } from "./trailFile.ts";

interface Data extends SnapshotData {
  audits: AuditMeta[];
  users: UserRecord[];
  members: MemberRecord[];
  sessions: SessionRecord[];
  tokens: TokenRecord[];
}

const EMPTY: Data = { audits: [], users: [], members: [], sessions: [], tokens: [], ...EMPTY_SNAPSHOT_DATA };
/** Activity stamps (session and token "last seen") are written at most this often. */
const LAZY_WRITE_MS = 5_000;

const copy = <T>(value: T): T => structuredClone(value);

export class LowdbStore implements Store {
  private lazyWrite: NodeJS.Timeout | undefined;
  readonly snapshots: SnapshotStore;

  private constructor(
    private readonly db: Low<Data>,
    private readonly docsDir: string,
    private readonly trail: TrailFile,
    snapshotsDir: string,
    private readonly lock: DataDirLock,
    private readonly journal: Journal,
  ) {
    this.snapshots = new LowdbSnapshotStore(
      () => this.db.data,
      () => this.write(),
      new SnapshotFiles(snapshotsDir),
    );
  }

  /** Opens (creating if needed) the store in `dataDir`, which no other server may be using. */
  static async open(dataDir: string, health: Health): Promise<LowdbStore> {
    const docsDir = docsDirOf(dataDir);
    await fs.mkdir(docsDir, { recursive: true });
    const lock = await lockDataDir(dataDir);
    try {
      const db = new Low<Data>(new DurableJsonFile<Data>(path.join(dataDir, "maca.json")), copy(EMPTY));
      await db.read();
      // Files written before accounts existed lack the newer collections.
      db.data = { ...copy(EMPTY), ...db.data };
      const trail = new TrailFile(path.join(dataDir, "audit-trail.jsonl"));
      // Before anything is served: the journal is read back and old per-document logs folded in.
      const journal = await Journal.open(dataDir, health);
      return new LowdbStore(db, docsDir, trail, path.join(dataDir, "snapshots"), lock, journal);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  async listAudits(): Promise<AuditMeta[]> {
    return copy(this.db.data.audits);
  }

  async getAudit(id: string): Promise<AuditMeta | undefined> {
    return copy(this.db.data.audits.find((a) => a.id === id));
  }

  async createAudit(meta: AuditMeta, initialState: Uint8Array, members: MemberRecord[]): Promise<void> {
    // The board first: an audit must never be listed without a document behind it.
    await this.storeDocument(meta.id, initialState);
    this.db.data.audits.push(copy(meta));
    this.db.data.members.push(...copy(members));
    await this.write();
  }

  async openDocumentLog(documentName: string): Promise<DocumentLog> {
    return JournalDocumentLog.open(this.journal, this.docsDir, documentName);
  }

  async loadDocument(documentName: string): Promise<Uint8Array | undefined> {
    const { state, throughSeq } = await readState(documentBase(this.docsDir, documentName));
    const { updates } = collectUpdates(throughSeq, this.journal.records(documentName));
    if (!state && updates.length === 0) return undefined;
    return encodeStoredDocument({ state, updates }, documentName);
  }

  async storeDocument(documentName: string, state: Uint8Array): Promise<void> {
    await writeFileAtomic(stateFile(documentBase(this.docsDir, documentName)), encodeStateFile(state, 0));
  }

  async listUsers(): Promise<UserRecord[]> {
    return copy(this.db.data.users);
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    return copy(this.db.data.users.find((u) => u.id === id));
  }

  async getUserByEmail(email: string): Promise<UserRecord | undefined> {
    return copy(this.db.data.users.find((u) => u.email === email));
  }

  async createUser(user: UserRecord): Promise<void> {
    if (this.db.data.users.some((u) => u.email === user.email)) throw new Error(`A user with email ${user.email} exists`);
    this.db.data.users.push(copy(user));
    await this.write();
  }

  async updateUser(id: string, change: Partial<Omit<UserRecord, "id" | "createdAt">>): Promise<UserRecord | undefined> {
    const user = this.db.data.users.find((u) => u.id === id);
    if (!user) return undefined;
    for (const [key, value] of Object.entries(change)) {
      if (value !== undefined) Object.assign(user, { [key]: copy(value) });
    }
    await this.write();
    return copy(user);
  }

  async listMembers(auditId: string): Promise<MemberRecord[]> {
    return copy(this.db.data.members.filter((m) => m.auditId === auditId));
  }

  async getMember(auditId: string, userId: string): Promise<MemberRecord | undefined> {
    return copy(this.db.data.members.find((m) => m.auditId === auditId && m.userId === userId));
  }

  async listMembershipsOf(userId: string): Promise<MemberRecord[]> {
    return copy(this.db.data.members.filter((m) => m.userId === userId));
  }

  async putMember(member: MemberRecord): Promise<void> {
    const members = this.db.data.members.filter((m) => !(m.auditId === member.auditId && m.userId === member.userId));
    this.db.data.members = [...members, copy(member)];
    await this.write();
  }

  async removeMember(auditId: string, userId: string): Promise<boolean> {
    const before = this.db.data.members.length;
    this.db.data.members = this.db.data.members.filter((m) => !(m.auditId === auditId && m.userId === userId));
    if (this.db.data.members.length === before) return false;
    await this.write();
    return true;
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.db.data.sessions.push(copy(session));
    await this.write();
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    return copy(this.db.data.sessions.find((s) => s.idHash === idHash));
  }

  async touchSession(idHash: string, at: string): Promise<void> {
    const session = this.db.data.sessions.find((s) => s.idHash === idHash);
    if (!session) return;
    session.lastSeenAt = at;
    this.writeLater();
  }

  async deleteSessions(where: SessionFilter): Promise<SessionRecord[]> {
    const match = (s: SessionRecord) =>
      s.idHash !== where.exceptIdHash &&
      (s.idHash === where.idHash ||
        s.userId === where.userId ||
        (where.lastSeenBefore !== undefined && s.lastSeenAt < where.lastSeenBefore) ||
        (where.createdBefore !== undefined && s.createdAt < where.createdBefore));
    const deleted = this.db.data.sessions.filter(match);
    if (deleted.length === 0) return [];
    this.db.data.sessions = this.db.data.sessions.filter((s) => !match(s));
    await this.write();
    return copy(deleted);
  }

  async createToken(token: TokenRecord): Promise<void> {
    this.db.data.tokens.push(copy(token));
    await this.write();
  }

  async getTokenByHash(hash: string): Promise<TokenRecord | undefined> {
    return copy(this.db.data.tokens.find((t) => t.hash === hash));
  }

  async listTokens(userId: string): Promise<TokenRecord[]> {
    return copy(this.db.data.tokens.filter((t) => t.userId === userId));
  }

  async touchToken(id: string, at: string): Promise<void> {
    const token = this.db.data.tokens.find((t) => t.id === id);
    if (!token) return;
    token.lastUsedAt = at;
    this.writeLater();
  }

  async deleteToken(id: string): Promise<TokenRecord | undefined> {
    const token = this.db.data.tokens.find((t) => t.id === id);
    if (!token) return undefined;
    this.db.data.tokens = this.db.data.tokens.filter((t) => t.id !== id);
    await this.write();
    return copy(token);
  }

  appendTrail(entries: UnchainedEvent[]): Promise<AuditEvent[]> {
    return this.trail.append(entries);
  }

  readTrail(): Promise<AuditEvent[]> {
    return this.trail.read();
  }

  async listAllMembers(): Promise<MemberRecord[]> {
    return copy(this.db.data.members);
  }

  async listAllSessions(): Promise<SessionRecord[]> {
    return copy(this.db.data.sessions);
  }

  async listAllTokens(): Promise<TokenRecord[]> {
    return copy(this.db.data.tokens);
  }

  async close(): Promise<void> {
    if (this.lazyWrite) await this.write();
    await this.trail.close();
    await this.journal.close();
    await this.lock.release();
  }

  private async write(): Promise<void> {
    clearTimeout(this.lazyWrite);
    this.lazyWrite = undefined;
    await this.db.write();
  }

  private writeLater(): void {
    this.lazyWrite ??= setTimeout(() => {
      this.write().catch((error) => log.error("writing the store failed", { error: String(error) }));
    }, LAZY_WRITE_MS);
    this.lazyWrite.unref();
  }
}
