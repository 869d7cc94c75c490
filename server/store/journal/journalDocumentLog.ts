/**
 * One document's DocumentLog over the shared journal: appends go to the journal (group commit
 * with every other document), compaction writes the document's state file and then tells the
 * journal its records up to there are no longer needed.
 */
import { promises as fs } from "node:fs";
import * as Y from "yjs";
import { writeFileAtomic } from "../atomicFile.ts";
import type { DocumentLog, StoredDocument } from "../DocumentLog.ts";
import { encodeStateFile } from "../logRecords.ts";
import { documentBase, legacyStateFile, stateFile } from "./files.ts";
import type { Journal } from "./journal.ts";
import { collectUpdates, readState } from "./onDisk.ts";

export class JournalDocumentLog implements DocumentLog {
  /** Compactions take turns: a later state must never be replaced by an earlier one. */
  private compacting: Promise<void> = Promise.resolve();

  private constructor(
    private readonly journal: Journal,
    private readonly document: string,
    private readonly base: string,
    readonly stored: StoredDocument,
    private stateVector: Map<number, number>,
  ) {}

  /** Opens the document's log; throws if its state file fails its checksum (never an empty document). */
  static async open(journal: Journal, docsDir: string, document: string): Promise<JournalDocumentLog> {
    const base = documentBase(docsDir, document);
    const { state, throughSeq } = await readState(base);
    journal.opened(document, throughSeq);
    const { updates } = collectUpdates(throughSeq, journal.records(document));
    const vector = state ? Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state)) : new Map<number, number>();
    return new JournalDocumentLog(journal, document, base, { state, updates }, vector);
  }

  get logBytes(): number {
    return this.journal.logBytes(this.document);
  }

  append(update: Uint8Array): { seq: number; durable: Promise<void> } {
    const seq = this.journal.nextSeq(this.document);
    return { seq, durable: this.journal.append(this.document, { kind: "update", seq, update }) };
  }

  abort(seq: number): Promise<void> {
    return this.journal.append(this.document, { kind: "abort", seq });
  }

  settled(): Promise<void> {
    return this.journal.settled(this.document);
  }

  compact(state: Uint8Array, throughSeq: number): Promise<void> {
    const turn = this.compacting.then(() => this.store(state, throughSeq));
    this.compacting = turn.catch(() => {});
    return turn;
  }

  async close(): Promise<void> {
    await this.settled();
    await this.compacting;
  }

  private async store(state: Uint8Array, throughSeq: number): Promise<void> {
    const vector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
    for (const [client, clock] of this.stateVector) {
      if ((vector.get(client) ?? 0) < clock) {
        throw new Error(`refusing to store a state that lacks updates the stored state has (client ${client})`);
      }
    }
    await writeFileAtomic(stateFile(this.base), encodeStateFile(state, throughSeq));
    this.stateVector = vector;
    await fs.rm(legacyStateFile(this.base), { force: true });
    this.journal.compacted(this.document, throughSeq);
  }
}
