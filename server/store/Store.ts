/**
 * Everything the server keeps between restarts. The lowdb implementation is the embedded default;
 * a production store (PostgreSQL) implements the same interface. Nothing outside server/store
 * knows how or where data is written.
 */
import type { AuditMeta } from "../../shared/domain/audit.ts";

export interface Store {
  listAudits(): Promise<AuditMeta[]>;
  getAudit(id: string): Promise<AuditMeta | undefined>;
  /** Creates an audit with the initial state of its board document. */
  createAudit(meta: AuditMeta, initialState: Uint8Array): Promise<void>;
  /** The stored Yjs state of an audit's board, or undefined if none was ever stored. */
  loadDocument(auditId: string): Promise<Uint8Array | undefined>;
  /** Replaces the stored Yjs state of an audit's board. */
  storeDocument(auditId: string, state: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
