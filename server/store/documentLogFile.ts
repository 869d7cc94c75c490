/**
 * A DocumentLog in two files: `<base>.state` (the last compacted state, replaced atomically) and
 * `<base>.log` (records appended with positional writes and fsync'd in groups). Readers read
 * the log before the state, and compaction writes the state before it trims the log, so a
 * reader never sees a state older than the log it read (replaying an update twice is harmless).
 */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import * as Y from "yjs";
import type { Health } from "../health.ts";
import { log } from "../log.ts";
import { readFileIfExists, syncDirectory, writeFileAtomic } from "./atomicFile.ts";
import type { DocumentLog, StoredDocument } from "./DocumentLog.ts";
import { decodeRecords, decodeStateFile, encodeRecord, encodeStateFile, type LogRecord } from "./logRecords.ts";

/** Waits between attempts at a failed write; after the last, the appends waiting on it fail. */
const RETRY_DELAYS_MS = [20, 100, 500];
/**
 * The log file is grown in zero-filled steps of this size: an fdatasync that need not also
 * record a new file size is several times cheaper at the tail (measured here: p95 0.9 ms
 * against 2–9 ms), and every acknowledged edit waits for one. Small steps: with 1 MiB, 50 boards
 * opening at once wrote 50 MiB of zeros and stalled the disk (50 boards × 10: p99 100 → ~70 ms).
 */
const GROW_BYTES = 64 * 1024;
/**
 * O_DSYNC: a write returns once its data is on disk, so an append is one thread-pool round trip
 * (write + fdatasync were two, before the edit could be relayed).
 */
const LOG_FLAGS = fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_DSYNC;

interface Pending {
  bytes: Buffer;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface OnDisk extends StoredDocument {
  throughSeq: number;
  /** The highest sequence number in the log (or the state's, if the log is empty). */
  lastSeq: number;
  /** Length of the log's valid records, and of the whole file. */
  goodLength: number;
  fileLength: number;
  /** Whether something other than zero-filled room follows the valid records (a torn or corrupt end). */
  damaged: boolean;
}

export const stateFile = (base: string) => `${base}.state`;
export const logFile = (base: string) => `${base}.log`;
/** Boards stored before the update log existed: a bare Yjs state. */
const legacyFile = (base: string) => `${base}.ydoc`;

/** Reads what is on disk for `base` without changing anything (safe while the log is open elsewhere). */
export async function readStoredDocument(base: string): Promise<OnDisk> {
  // The log first: see the file comment.
  const logBytes = (await readFileIfExists(logFile(base))) ?? Buffer.alloc(0);
  const { records, goodLength } = decodeRecords(logBytes);
  const stateBytes = await readFileIfExists(stateFile(base));
  const legacy = stateBytes ? undefined : await readFileIfExists(legacyFile(base));
  const { state, throughSeq } = stateBytes ? decodeStateFile(stateBytes) : { state: legacy && new Uint8Array(legacy), throughSeq: 0 };
  const aborted = new Set(records.filter((r) => r.kind === "abort").map((r) => r.seq));
  const updates = records.flatMap((r) => (r.kind === "update" && r.seq > throughSeq && !aborted.has(r.seq) ? [r] : []));
  const lastSeq = records.reduce((max, r) => Math.max(max, r.seq), throughSeq);
  const damaged = logBytes.subarray(goodLength).some((byte) => byte !== 0);
  return { state, updates, throughSeq, lastSeq, goodLength, fileLength: logBytes.length, damaged };
}

export class DocumentLogFile implements DocumentLog {
  private nextSeq: number;
  private size: number;
  /** The file's length: `size` plus zero-filled room. */
  private allocated: number;
  private queue: Pending[] = [];
  private draining: Promise<void> | undefined;
  /** Writes and log rewrites take turns. */
  private exclusive: Promise<void> = Promise.resolve();
  private stateVector: Map<number, number>;
  logBytes: number;

  private constructor(
    private readonly base: string,
    private handle: FileHandle,
    readonly stored: StoredDocument,
    onDisk: OnDisk,
    private readonly health: Health,
  ) {
    this.nextSeq = onDisk.lastSeq + 1;
    this.size = onDisk.goodLength;
    this.allocated = onDisk.damaged ? onDisk.goodLength : onDisk.fileLength;
    this.logBytes = onDisk.goodLength;
    this.stateVector = onDisk.state ? Y.decodeStateVector(Y.encodeStateVectorFromUpdate(onDisk.state)) : new Map();
  }

  /** Opens the log for appending, cutting off a torn or corrupt tail (kept aside for inspection). */
  static async open(base: string, health: Health): Promise<DocumentLogFile> {
    const onDisk = await readStoredDocument(base);
    const file = logFile(base);
    if (onDisk.damaged) {
      const aside = `${file}.damaged-${Date.now()}`;
      await fs.copyFile(file, aside);
      log.warn("dropped a torn or corrupt end of an update log", {
        file: path.basename(file),
        keptIn: path.basename(aside),
        bytes: onDisk.fileLength - onDisk.goodLength,
      });
    }
    const handle = await fs.open(file, LOG_FLAGS, 0o600);
    try {
      if (onDisk.damaged) {
        await handle.truncate(onDisk.goodLength);
        await handle.sync();
      }
      await syncDirectory(path.dirname(file));
    } catch (error) {
      await handle.close();
      throw error;
    }
    return new DocumentLogFile(base, handle, { state: onDisk.state, updates: onDisk.updates }, onDisk, health);
  }

  append(update: Uint8Array): { seq: number; durable: Promise<void> } {
    const seq = this.nextSeq++;
    return { seq, durable: this.enqueue({ kind: "update", seq, update }) };
  }

  abort(seq: number): Promise<void> {
    return this.enqueue({ kind: "abort", seq });
  }

  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async compact(state: Uint8Array, throughSeq: number): Promise<void> {
    const vector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
    for (const [client, clock] of this.stateVector) {
      if ((vector.get(client) ?? 0) < clock) {
        throw new Error(`refusing to store a state that lacks updates the stored state has (client ${client})`);
      }
    }
    await writeFileAtomic(stateFile(this.base), encodeStateFile(state, throughSeq));
    this.stateVector = vector;
    await fs.rm(legacyFile(this.base), { force: true });
    await this.takeTurn(() => this.trimLog(throughSeq));
  }

  async close(): Promise<void> {
    await this.settled();
    await this.exclusive;
    await this.handle.close();
  }

  private enqueue(record: LogRecord): Promise<void> {
    const durable = new Promise<void>((resolve, reject) => this.queue.push({ bytes: encodeRecord(record), resolve, reject }));
    this.draining ??= this.drain();
    return durable;
  }

  /** Group commit: everything queued while one write+fsync runs goes in the next one. */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        try {
          await this.takeTurn(() => this.writeWithRetries(Buffer.concat(batch.map((p) => p.bytes))));
          for (const pending of batch) pending.resolve();
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      // In the same step as the loop's last check: an append made after it starts a new drain.
      this.draining = undefined;
    }
  }

  private async writeWithRetries(bytes: Buffer): Promise<void> {
    const part = `update-log:${path.basename(this.base)}`;
    for (let attempt = 0; ; attempt++) {
      try {
        if (this.size + bytes.length > this.allocated) await this.grow(this.size + bytes.length);
        // At `size`, not appended: a failed attempt's partial bytes are overwritten by the next.
        // The file is opened O_DSYNC: the write returns once the bytes are on disk.
        await this.handle.write(bytes, 0, bytes.length, this.size);
        this.size += bytes.length;
        this.logBytes += bytes.length;
        this.health.recovered(part);
        return;
      } catch (error) {
        this.health.degraded(part, `appending to the update log failed: ${String(error)}`);
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private async grow(needed: number): Promise<void> {
    const length = Math.ceil(needed / GROW_BYTES) * GROW_BYTES;
    const zeros = Buffer.alloc(length - this.allocated);
    await this.handle.write(zeros, 0, zeros.length, this.allocated);
    await this.handle.sync();
    this.allocated = length;
  }

  /** Rewrites the log without the records the state now holds (a new file renamed over the old). */
  private async trimLog(throughSeq: number): Promise<void> {
    const content = Buffer.alloc(this.size);
    await this.handle.read(content, 0, this.size, 0);
    const kept = decodeRecords(content).records.filter((r) => r.seq > throughSeq);
    const file = logFile(this.base);
    const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    const next = await fs.open(temp, LOG_FLAGS | fs.constants.O_TRUNC, 0o600);
    const bytes = Buffer.concat(kept.map(encodeRecord));
    try {
      await next.write(bytes, 0, bytes.length, 0);
      await fs.rename(temp, file);
      await syncDirectory(path.dirname(file));
    } catch (error) {
      await next.close();
      await fs.rm(temp, { force: true });
      throw error;
    }
    await this.handle.close();
    this.handle = next;
    this.size = bytes.length;
    this.allocated = bytes.length;
    this.logBytes = bytes.length;
  }

  private takeTurn(work: () => Promise<void>): Promise<void> {
    const turn = this.exclusive.then(work);
    this.exclusive = turn.catch(() => {});
    return turn;
  }
}
