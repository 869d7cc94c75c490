/** What the server keeps about people and access. Only server/ sees these: they hold hashes. */
import type { AuditEvent, Role, UserView } from "../../shared/domain/account.ts";
import type { Agency } from "../../shared/domain/agencies.ts";

/** A user as the API shows them, plus what only the server keeps. */
export interface UserRecord extends UserView {
  /** argon2id encoded hash (algorithm, parameters and salt included). */
  passwordHash: string;
}

export interface MemberRecord {
  auditId: string;
  userId: string;
  role: Role;
  agency: Agency;
  addedAt: string;
}

export interface SessionRecord {
  /** SHA-256 of the cookie value: a copy of the data file does not give live sessions. */
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
}

export interface TokenRecord {
  id: string;
  userId: string;
  name: string;
  /** SHA-256 of the token (tokens are 256 random bits, so a fast hash is enough). */
  hash: string;
  createdAt: string;
  lastUsedAt?: string;
}

export type { AuditEvent };
