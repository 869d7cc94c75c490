/**
 * Everything the server keeps between restarts. The lowdb implementation is the embedded default;
 * a production store (PostgreSQL) implements the same interface. Nothing outside server/store
 * knows how or where data is written. Getters return copies: change data through the methods.
 */
import type { AuditMeta } from "../../shared/domain/audit.ts";
import type { UnchainedEvent } from "../trail/chain.ts";
import type { DocumentLog } from "./DocumentLog.ts";
import type { AuditEvent, MemberRecord, SessionRecord, TokenRecord, UserRecord } from "./records.ts";
import type { SnapshotStore } from "./SnapshotStore.ts";

/** Which sessions to delete; the fields are alternatives (a session matching any one goes). */
export interface SessionFilter {
  idHash?: string;
  userId?: string;
  lastSeenBefore?: string;
  createdBefore?: string;
  /** Never this one (e.g. the session that changed the password). */
  exceptIdHash?: string;
}

export interface Store {
  /** Snapshots, freeze states and what sits beside a snapshot (acknowledgements, addenda, action updates). */
  readonly snapshots: SnapshotStore;

  listAudits(): Promise<AuditMeta[]>;
  getAudit(id: string): Promise<AuditMeta | undefined>;
  /** Creates an audit with the initial state of its board document and its first members. */
  createAudit(meta: AuditMeta, initialState: Uint8Array, members: MemberRecord[]): Promise<void>;
  /**
   * Opens the durable log of one of an audit's documents (its board: the audit id; its meeting
   * state: `<auditId>:meeting`, see documentName.ts) for the one live copy of that document.
   * Anything else is refused.
   */
  openDocumentLog(documentName: string): Promise<DocumentLog>;
  /**
   * What is stored of a document (named as for openDocumentLog) as one Yjs state, its log
   * included, or undefined if it was never stored. Safe while the document is open.
   */
  loadDocument(documentName: string): Promise<Uint8Array | undefined>;
  /** Stores the first state of a new document (named as for openDocumentLog) that nobody has open. */
  storeDocument(documentName: string, state: Uint8Array): Promise<void>;

  listUsers(): Promise<UserRecord[]>;
  getUser(id: string): Promise<UserRecord | undefined>;
  getUserByEmail(email: string): Promise<UserRecord | undefined>;
  createUser(user: UserRecord): Promise<void>;
  updateUser(id: string, change: Partial<Omit<UserRecord, "id" | "createdAt">>): Promise<UserRecord | undefined>;

  listMembers(auditId: string): Promise<MemberRecord[]>;
  getMember(auditId: string, userId: string): Promise<MemberRecord | undefined>;
  listMembershipsOf(userId: string): Promise<MemberRecord[]>;
  /** Adds the member, or replaces their role and agency. */
  putMember(member: MemberRecord): Promise<void>;
  removeMember(auditId: string, userId: string): Promise<boolean>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | undefined>;
  /** Records activity; may be written lazily (a lost touch only shortens a session). */
  touchSession(idHash: string, at: string): Promise<void>;
  /** Deletes sessions (one by id hash, or all of a user, or those idle or alive too long) and returns them. */
  deleteSessions(where: SessionFilter): Promise<SessionRecord[]>;

  createToken(token: TokenRecord): Promise<void>;
  getTokenByHash(hash: string): Promise<TokenRecord | undefined>;
  listTokens(userId: string): Promise<TokenRecord[]>;
  touchToken(id: string, at: string): Promise<void>;
  deleteToken(id: string): Promise<TokenRecord | undefined>;

  /**
   * Appends entries to the append-only audit trail, in order, durably: the store gives each its
   * seq, prev and hash after the last stored entry (chain.ts), one append at a time, and returns
   * them chained. An entry keeps the `at` it was given.
   */
  appendTrail(entries: UnchainedEvent[]): Promise<AuditEvent[]>;
  /** Every trail entry in the order written. */
  readTrail(): Promise<AuditEvent[]>;

  /** Read-everything, in the order written (moving an installation: npm run transfer). */
  listAllMembers(): Promise<MemberRecord[]>;
  listAllSessions(): Promise<SessionRecord[]>;
  listAllTokens(): Promise<TokenRecord[]>;

  close(): Promise<void>;
}
