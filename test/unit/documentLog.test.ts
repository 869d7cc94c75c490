/**
 * The update log on disk, one journal for every document: what a crash can leave (a torn or
 * corrupt last record, a compaction cut off between its two steps) loads as everything that was
 * complete; aborted updates stay out; storage never goes backwards; failed writes are retried
 * and reported; documents share writes; old per-document logs are folded in; segments go once
 * nothing needs them; a restart gives back what was logged.
 */
import { promises as fs } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import * as Y from "yjs";
import { Health } from "../../server/health.ts";
import { docsDirOf, journalDirOf, legacyLogFile, listSegments, segmentFile, stateFile } from "../../server/store/journal/files.ts";
import { COPY_AFTER_SEGMENTS, Journal, type JournalOptions } from "../../server/store/journal/journal.ts";
import { JournalDocumentLog } from "../../server/store/journal/journalDocumentLog.ts";
import { decodeSegment, encodeJournalRecord } from "../../server/store/journal/journalRecords.ts";
import { readStoredDocument } from "../../server/store/journal/onDisk.ts";
import { decodeRecords, encodeRecord, encodeStateFile } from "../../server/store/logRecords.ts";
import { encodeStoredDocument } from "../../server/store/replay.ts";
import { fileHandlePrototype } from "../helpers/diskFaults.ts";

const NAME = "audit1";
let dir: string;
const journals: Journal[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "maca-log-"));
  await fs.mkdir(docsDirOf(dir));
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const journal of journals.splice(0)) await journal.close().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

async function openJournal(health = new Health(), options?: JournalOptions): Promise<Journal> {
  const journal = await Journal.open(dir, health, options);
  journals.push(journal);
  return journal;
}

async function closeJournal(journal: Journal): Promise<void> {
  journals.splice(journals.indexOf(journal), 1);
  await journal.close();
}

const openLog = (journal: Journal, name = NAME) => JournalDocumentLog.open(journal, docsDirOf(dir), name);

/** A writer's replica whose every change becomes one update, as a client's would. */
function writer() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const type = (text: string) => doc.getText("notes").insert(doc.getText("notes").length, text);
  return { doc, updates, type };
}

const textOf = (state: Uint8Array | undefined) => {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText("notes").toString();
};

const onDiskText = async (name = NAME) => textOf(encodeStoredDocument(await readStoredDocument(dir, name), name));

/** Logs the updates in a fresh journal and closes it, as a server stopping without compaction. */
async function logAllAndStop(updates: Uint8Array[]): Promise<void> {
  const journal = await openJournal();
  const log = await openLog(journal);
  await Promise.all(updates.map((u) => log.append(u).durable));
  await log.close();
  await closeJournal(journal);
}

/** The only segment's file, and where its valid records end. */
async function onlySegment(): Promise<{ file: string; goodLength: number }> {
  const numbers = await listSegments(journalDirOf(dir));
  expect(numbers).toHaveLength(1);
  const file = segmentFile(journalDirOf(dir), numbers[0] as number);
  return { file, goodLength: decodeSegment(await fs.readFile(file)).goodLength };
}

const segmentCount = async () => (await listSegments(journalDirOf(dir))).length;

describe("the journal", () => {
  test("gives back every appended update in order, sharing one synchronous write between updates appended together", async () => {
    const w = writer();
    for (const word of ["Strategy ", "discussion ", "held ", "within ", "24h"]) w.type(word);
    const journal = await openJournal();
    const log = await openLog(journal);
    const writes = vi.spyOn(await fileHandlePrototype(), "write");
    const seqs = w.updates.map((u) => log.append(u));
    await Promise.all(seqs.map((s) => s.durable));
    expect(seqs.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(writes).toHaveBeenCalledTimes(1);
    expect((await readStoredDocument(dir, NAME)).updates.map((u) => u.seq)).toEqual([1, 2, 3, 4, 5]);
    await log.close();
    await closeJournal(journal);

    // A restart gives them back as they were logged, and numbering goes on after them.
    const reopened = await openLog(await openJournal());
    expect(reopened.stored.updates.map((u) => u.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(textOf(encodeStoredDocument(reopened.stored, NAME))).toBe("Strategy discussion held within 24h");
    expect(reopened.append(new Uint8Array([0, 0])).seq).toBe(6);
    await reopened.close();
  });

  test("appends of several documents queued together share one write", async () => {
    const journal = await openJournal();
    const names = ["a1", "a2", "a3", "a4", "a5"];
    const logs = await Promise.all(names.map((name) => openLog(journal, name)));
    const writes = vi.spyOn(await fileHandlePrototype(), "write");
    const texts = names.map((name) => {
      const w = writer();
      w.type(`Notes of ${name}`);
      return w.updates[0] as Uint8Array;
    });
    await Promise.all(logs.map((log, i) => log.append(texts[i] as Uint8Array).durable));
    expect(writes).toHaveBeenCalledTimes(1);
    for (const name of names) expect(await onDiskText(name)).toBe(`Notes of ${name}`);
  });

  test.each([1, 5, 9, 12])("a last record torn %i bytes short is dropped, kept aside, and appends go on after it", async (cut) => {
    const w = writer();
    w.type("Referral ");
    w.type("to CSC");
    await logAllAndStop(w.updates);
    // The segment has zero-filled room after the records; a crash mid-append leaves a cut record.
    const { file, goodLength } = await onlySegment();
    const full = await fs.readFile(file);
    await fs.writeFile(file, full.subarray(0, goodLength - cut));

    const reopened = await openLog(await openJournal());
    expect(textOf(encodeStoredDocument(reopened.stored, NAME))).toBe("Referral ");
    expect((await fs.readdir(journalDirOf(dir))).some((f) => f.includes(".damaged-"))).toBe(true);
    w.type(" (resent)");
    await reopened.append(w.updates[1] as Uint8Array).durable;
    await reopened.append(w.updates[2] as Uint8Array).durable;
    await reopened.close();
    expect(await onDiskText()).toBe("Referral to CSC (resent)");
    for (const number of await listSegments(journalDirOf(dir))) {
      expect(decodeSegment(await fs.readFile(segmentFile(journalDirOf(dir), number))).damaged).toBe(false);
    }
  });

  test("a last record whose checksum fails is dropped", async () => {
    const w = writer();
    w.type("GP ");
    w.type("attended");
    await logAllAndStop(w.updates);
    const { file, goodLength } = await onlySegment();
    const bytes = await fs.readFile(file);
    bytes[goodLength - 1] ^= 0xff;
    await fs.writeFile(file, bytes);
    expect(await onDiskText()).toBe("GP ");
    const reopened = await openLog(await openJournal());
    expect(textOf(encodeStoredDocument(reopened.stored, NAME))).toBe("GP ");
  });

  test("an update marked aborted is not applied on reload", async () => {
    const w = writer();
    w.type("kept");
    const refused = writer();
    refused.type("refused by the server");
    const journal = await openJournal();
    const log = await openLog(journal);
    await log.append(w.updates[0] as Uint8Array).durable;
    const { seq, durable } = log.append(refused.updates[0] as Uint8Array);
    await durable;
    await log.abort(seq);
    await log.close();
    expect(await onDiskText()).toBe("kept");
    await closeJournal(journal);
    const reopened = await openLog(await openJournal());
    expect(textOf(encodeStoredDocument(reopened.stored, NAME))).toBe("kept");
  });

  test("compaction keeps only what came after, and a reload equals the document", async () => {
    const w = writer();
    w.type("one ");
    w.type("two ");
    const journal = await openJournal();
    const log = await openLog(journal);
    await Promise.all(w.updates.map((u) => log.append(u).durable));
    const state = Y.encodeStateAsUpdate(w.doc);
    w.type("three");
    await log.append(w.updates[2] as Uint8Array).durable;
    const before = log.logBytes;
    await log.compact(state, 2);
    expect(journal.records(NAME).map((r) => r.seq)).toEqual([3]);
    expect(log.logBytes).toBeLessThan(before);
    await log.close();
    const stored = await readStoredDocument(dir, NAME);
    expect(stored.throughSeq).toBe(2);
    expect(stored.updates.map((u) => u.seq)).toEqual([3]);
    expect(textOf(encodeStoredDocument(stored, NAME))).toBe("one two three");
    await closeJournal(journal);
    const reopened = await openLog(await openJournal());
    expect(textOf(encodeStoredDocument(reopened.stored, NAME))).toBe("one two three");
  });

  test("a compaction cut off after writing the state, before its records were dropped, loads the same document", async () => {
    const w = writer();
    for (const word of ["Child ", "A ", "seen ", "alone"]) w.type(word);
    const journal = await openJournal();
    const log = await openLog(journal);
    await Promise.all(w.updates.map((u) => log.append(u).durable));
    const halfway = new Y.Doc();
    for (const u of w.updates.slice(0, 3)) Y.applyUpdate(halfway, u);
    await fs.writeFile(stateFile(path.join(docsDirOf(dir), NAME)), encodeStateFile(Y.encodeStateAsUpdate(halfway), 3));
    const stored = await readStoredDocument(dir, NAME);
    expect(stored.updates.map((u) => u.seq)).toEqual([4]);
    expect(textOf(encodeStoredDocument(stored, NAME))).toBe("Child A seen alone");
    await log.close();
    await closeJournal(journal);
    expect(textOf(encodeStoredDocument((await openLog(await openJournal())).stored, NAME))).toBe("Child A seen alone");
  });

  test("refuses to replace the stored state with one that lacks part of it", async () => {
    const w = writer();
    w.type("Everything agreed at the meeting");
    const log = await openLog(await openJournal());
    await log.append(w.updates[0] as Uint8Array).durable;
    await log.compact(Y.encodeStateAsUpdate(w.doc), 1);
    await expect(log.compact(Y.encodeStateAsUpdate(new Y.Doc()), 1)).rejects.toThrow(/lacks updates/);
    await log.close();
    expect(await onDiskText()).toBe("Everything agreed at the meeting");
  });

  test("a state file that fails its checksum is an error, and its files and records are left as they were", async () => {
    const w = writer();
    w.type("Core group");
    const journal = await openJournal();
    const log = await openLog(journal);
    await log.append(w.updates[0] as Uint8Array).durable;
    await log.compact(Y.encodeStateAsUpdate(w.doc), 1);
    w.type(" on Tuesday");
    await log.append(w.updates[1] as Uint8Array).durable;
    const other = await openLog(journal, "a2");
    await other.append(w.updates[0] as Uint8Array).durable;
    await closeJournal(journal);
    const file = stateFile(path.join(docsDirOf(dir), NAME));
    const bytes = await fs.readFile(file);
    bytes[bytes.length - 2] ^= 0x01;
    await fs.writeFile(file, bytes);
    const segment = await onlySegment();
    const segmentBytes = await fs.readFile(segment.file);

    const reopened = await openJournal();
    await expect(openLog(reopened)).rejects.toThrow(/checksum/);
    // The other document is served, and once it no longer needs the segment, the segment stays for the damaged one.
    const a2 = await openLog(reopened, "a2");
    expect(textOf(encodeStoredDocument(a2.stored, "a2"))).toBe("Core group");
    await a2.compact(encodeStoredDocument(a2.stored, "a2"), 1);
    await closeJournal(reopened);
    await openJournal();
    expect(await fs.readFile(file)).toEqual(bytes);
    // (equals: a deep toEqual on a MiB-long buffer takes seconds)
    expect((await fs.readFile(segment.file)).equals(segmentBytes)).toBe(true);
  });

  test("a failing write is retried and reported; when it keeps failing the append fails", async () => {
    const health = new Health();
    const journal = await openJournal(health);
    const log = await openLog(journal);
    const w = writer();
    w.type("Strategy discussion");
    w.type(" within 24h");
    const writes = vi.spyOn(await fileHandlePrototype(), "write");

    writes.mockRejectedValueOnce(new Error("EIO: simulated")).mockRejectedValueOnce(new Error("EIO: simulated"));
    await log.append(w.updates[0] as Uint8Array).durable;
    expect(health.report().status).toBe("ok");

    writes.mockRejectedValue(new Error("EIO: simulated"));
    const failing = log.append(w.updates[1] as Uint8Array).durable;
    await expect(failing).rejects.toThrow(/EIO/);
    expect(health.report()).toMatchObject({ status: "degraded", problems: [{ part: "update-log:audit1" }] });

    writes.mockRestore();
    await log.append(w.updates[1] as Uint8Array).durable;
    expect(health.report().status).toBe("ok");
    await log.close();
    await closeJournal(journal);
    // The failed attempt's bytes were overwritten, not left in the middle of the segment.
    const { file } = await onlySegment();
    expect(decodeSegment(await fs.readFile(file)).damaged).toBe(false);
    expect(await onDiskText()).toBe("Strategy discussion within 24h");
  });

  test("the zero-filled room after the last record is not damage", async () => {
    const w = writer();
    w.type("Section 47 enquiry");
    await logAllAndStop(w.updates);
    const { file, goodLength } = await onlySegment();
    const bytes = await fs.readFile(file);
    expect(bytes.length).toBeGreaterThan(goodLength);
    expect(decodeSegment(bytes).damaged).toBe(false);
    await openJournal();
    expect((await fs.readdir(journalDirOf(dir))).some((f) => f.includes(".damaged-"))).toBe(false);
    expect(await onDiskText()).toBe("Section 47 enquiry");
  });

  test("a per-document log and state from before the journal are folded in on open, nothing lost", async () => {
    const w = writer();
    for (const word of ["Police ", "shared ", "the ", "referral"]) w.type(word);
    const refused = writer();
    refused.type("never applied");
    const base = path.join(docsDirOf(dir), NAME);
    const first = new Y.Doc();
    Y.applyUpdate(first, w.updates[0] as Uint8Array);
    await fs.writeFile(stateFile(base), encodeStateFile(Y.encodeStateAsUpdate(first), 1));
    const old = [
      encodeRecord({ kind: "update", seq: 1, update: w.updates[0] as Uint8Array }),
      encodeRecord({ kind: "update", seq: 2, update: w.updates[1] as Uint8Array }),
      encodeRecord({ kind: "update", seq: 3, update: refused.updates[0] as Uint8Array }),
      encodeRecord({ kind: "abort", seq: 3 }),
      encodeRecord({ kind: "update", seq: 4, update: w.updates[2] as Uint8Array }),
      encodeRecord({ kind: "update", seq: 5, update: w.updates[3] as Uint8Array }),
    ];
    await fs.writeFile(legacyLogFile(base), Buffer.concat([...old, Buffer.alloc(4096)]));
    expect(await onDiskText()).toBe("Police shared the referral");

    const log = await openLog(await openJournal());
    expect(textOf(encodeStoredDocument(log.stored, NAME))).toBe("Police shared the referral");
    await expect(fs.stat(legacyLogFile(base))).rejects.toThrow(/ENOENT/);
    expect((await readStoredDocument(dir, NAME)).throughSeq).toBe(5);
    expect(log.append(new Uint8Array([0, 0])).seq).toBe(6);
  });

  test("segments are deleted once compacted, and an idle document does not pin them", async () => {
    const journal = await openJournal(new Health(), { segmentBytes: 500 });
    const idleWriter = writer();
    idleWriter.type("Idle board's one note");
    const idle = await openLog(journal, "idle");
    await idle.append(idleWriter.updates[0] as Uint8Array).durable;
    const busy = await openLog(journal, "busy");
    const w = writer();
    for (let i = 0; i < 300; i++) {
      w.type(`edit ${i} `);
      await busy.append(w.updates[i] as Uint8Array).durable;
      if (i % 10 === 9) await busy.compact(Y.encodeStateAsUpdate(w.doc), i + 1);
      await new Promise((resolve) => setImmediate(resolve));
      expect(await segmentCount()).toBeLessThanOrEqual(COPY_AFTER_SEGMENTS + 2);
    }
    expect((await listSegments(journalDirOf(dir)))[0]).toBeGreaterThan(2 * COPY_AFTER_SEGMENTS);
    expect(await onDiskText("idle")).toBe("Idle board's one note");
    expect(journal.records("idle").map((r) => r.seq)).toEqual([1]);
    await idle.close();
    await busy.close();
    await closeJournal(journal);
    // Its record is in the segments twice at most (the copy and, until deleted, the original): given back once.
    const reopened = await openLog(await openJournal(), "idle");
    expect(reopened.stored.updates.map((u) => u.seq)).toEqual([1]);
    expect(textOf(encodeStoredDocument(reopened.stored, "idle"))).toBe("Idle board's one note");
  });

  test("at open, the segments no record is needed from are deleted", async () => {
    const w = writer();
    w.type("Strategy meeting minuted");
    const journal = await openJournal();
    const log = await openLog(journal);
    await log.append(w.updates[0] as Uint8Array).durable;
    await log.compact(Y.encodeStateAsUpdate(w.doc), 1);
    await closeJournal(journal);
    // The current segment is never deleted while in use: the next open does it.
    expect(await segmentCount()).toBe(1);
    await openJournal();
    const [only] = await listSegments(journalDirOf(dir));
    expect(only).toBe(2);
    expect(await onDiskText()).toBe("Strategy meeting minuted");
  });

  test("a log reopened after a close without compaction gives back its records", async () => {
    const w = writer();
    w.type("Chair ");
    w.type("summary");
    const journal = await openJournal();
    const log = await openLog(journal);
    await Promise.all(w.updates.map((u) => log.append(u).durable));
    await log.close();
    const reopened = await openLog(journal);
    expect(reopened.stored.updates.map((u) => u.seq)).toEqual([1, 2]);
    expect(textOf(encodeStoredDocument(reopened.stored, NAME))).toBe("Chair summary");
    expect(reopened.logBytes).toBeGreaterThan(0);
    expect(reopened.append(new Uint8Array([0, 0])).seq).toBe(3);
  });

  test("records survive a round trip through both formats", () => {
    const update = new Uint8Array([1, 2, 3, 250]);
    const bytes = Buffer.concat([encodeRecord({ kind: "update", seq: 7, update }), encodeRecord({ kind: "abort", seq: 7 })]);
    expect(decodeRecords(bytes)).toEqual({
      records: [
        { kind: "update", seq: 7, update },
        { kind: "abort", seq: 7 },
      ],
      goodLength: bytes.length,
    });
    const journal = Buffer.concat([
      encodeJournalRecord("a1:meeting", { kind: "update", seq: 7, update }),
      encodeJournalRecord("a2", { kind: "abort", seq: 8 }),
    ]);
    expect(decodeSegment(journal)).toEqual({
      records: [
        { document: "a1:meeting", record: { kind: "update", seq: 7, update } },
        { document: "a2", record: { kind: "abort", seq: 8 } },
      ],
      goodLength: journal.length,
      damaged: false,
    });
  });
});
