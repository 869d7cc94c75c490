/**
 * The embedded default store: audit metadata in one lowdb JSON file, each audit's Yjs board
 * state in its own binary file beside it (so a board save never rewrites the metadata file).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import type { AuditMeta } from "../../shared/domain/audit.ts";
import { IdSchema } from "../../shared/validation/audit.ts";
import { writeFileAtomic } from "./atomicFile.ts";
import type { Store } from "./Store.ts";

interface Data {
  audits: AuditMeta[];
}

export class LowdbStore implements Store {
  private constructor(
    private readonly db: Low<Data>,
    private readonly docsDir: string,
  ) {}

  /** Opens (creating if needed) the store in `dataDir`. */
  static async open(dataDir: string): Promise<LowdbStore> {
    const docsDir = path.join(dataDir, "docs");
    await fs.mkdir(docsDir, { recursive: true });
    // JSONFilePreset would silently use memory under NODE_ENV=test; the plain adapter always writes.
    const db = new Low<Data>(new JSONFile(path.join(dataDir, "maca.json")), { audits: [] });
    await db.read();
    return new LowdbStore(db, docsDir);
  }

  async listAudits(): Promise<AuditMeta[]> {
    return structuredClone(this.db.data.audits);
  }

  async getAudit(id: string): Promise<AuditMeta | undefined> {
    const audit = this.db.data.audits.find((a) => a.id === id);
    return audit && structuredClone(audit);
  }

  async createAudit(meta: AuditMeta, initialState: Uint8Array): Promise<void> {
    // The board first: an audit must never be listed without a document behind it.
    await this.storeDocument(meta.id, initialState);
    this.db.data.audits.push(structuredClone(meta));
    await this.db.write();
  }

  async loadDocument(auditId: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await fs.readFile(this.docFile(auditId)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async storeDocument(auditId: string, state: Uint8Array): Promise<void> {
    await writeFileAtomic(this.docFile(auditId), state);
  }

  async close(): Promise<void> {}

  private docFile(auditId: string): string {
    // Ids are validated at the boundary; checked again here because this builds a path.
    return path.join(this.docsDir, `${IdSchema.parse(auditId)}.ydoc`);
  }
}
