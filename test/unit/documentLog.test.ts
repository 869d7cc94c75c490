/**
 * The update log on disk: what a crash can leave (a torn or corrupt last record, a compaction cut
 * off between its two steps) loads as everything that was complete; aborted updates stay out;
 * storage never goes backwards; failed writes are retried and reported.
 */
import { promises as fs } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import * as Y from "yjs";
import { Health } from "../../server/health.ts";
import { DocumentLogFile, logFile, readStoredDocument, stateFile } from "../../server/store/documentLogFile.ts";
import { decodeRecords, encodeRecord, encodeStateFile } from "../../server/store/logRecords.ts";
import { encodeStoredDocument } from "../../server/store/replay.ts";
import { fileHandlePrototype } from "../helpers/diskFaults.ts";

let dir: string;
let base: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "maca-log-"));
  base = path.join(dir, "audit1");
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

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

async function logAll(updates: Uint8Array[]): Promise<DocumentLogFile> {
  const log = await DocumentLogFile.open(base, new Health());
  await Promise.all(updates.map((u) => log.append(u).durable));
  return log;
}

describe("the update log", () => {
  test("gives back every appended update in order, sharing one synchronous write between updates appended together", async () => {
    const w = writer();
    for (const word of ["Strategy ", "discussion ", "held ", "within ", "24h"]) w.type(word);
    const writes = vi.spyOn(await fileHandlePrototype(), "write");
    const log = await logAll(w.updates);
    expect(writes.mock.calls.length).toBeLessThan(w.updates.length);
    await log.close();

    const reopened = await DocumentLogFile.open(base, new Health());
    expect(reopened.stored.updates.map((u) => u.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(textOf(encodeStoredDocument(reopened.stored, "audit1"))).toBe("Strategy discussion held within 24h");
    await reopened.close();
  });

  test.each([1, 5, 9, 12])("a last record torn %i bytes short is dropped, the rest loads, and appends go on after it", async (cut) => {
    const w = writer();
    w.type("Referral ");
    w.type("to CSC");
    await (await logAll(w.updates)).close();
    // The file has zero-filled room after the records; a crash mid-append leaves a cut record.
    const { goodLength } = await readStoredDocument(base);
    const full = await fs.readFile(logFile(base));
    await fs.writeFile(logFile(base), full.subarray(0, goodLength - cut));

    const reopened = await DocumentLogFile.open(base, new Health());
    expect(textOf(encodeStoredDocument(reopened.stored, "audit1"))).toBe("Referral ");
    // The damaged bytes are kept aside for inspection, and the log itself is cut back.
    expect((await fs.readdir(dir)).some((f) => f.includes(".damaged-"))).toBe(true);
    w.type(" (resent)");
    await reopened.append(w.updates[1] as Uint8Array).durable;
    await reopened.append(w.updates[2] as Uint8Array).durable;
    await reopened.close();
    const again = await readStoredDocument(base);
    expect(textOf(encodeStoredDocument(again, "audit1"))).toBe("Referral to CSC (resent)");
    expect(again.damaged).toBe(false);
  });

  test("a last record whose checksum fails is dropped", async () => {
    const w = writer();
    w.type("GP ");
    w.type("attended");
    await (await logAll(w.updates)).close();
    const { goodLength } = await readStoredDocument(base);
    const bytes = await fs.readFile(logFile(base));
    bytes[goodLength - 1] ^= 0xff;
    await fs.writeFile(logFile(base), bytes);
    const stored = await readStoredDocument(base);
    expect(textOf(encodeStoredDocument(stored, "audit1"))).toBe("GP ");
  });

  test("an update marked aborted is not applied on reload", async () => {
    const w = writer();
    w.type("kept");
    const refused = writer();
    refused.type("refused by the server");
    const log = await logAll(w.updates);
    const { seq, durable } = log.append(refused.updates[0] as Uint8Array);
    await durable;
    await log.abort(seq);
    await log.close();
    expect(textOf(encodeStoredDocument(await readStoredDocument(base), "audit1"))).toBe("kept");
  });

  test("compaction folds the log into the state and keeps only what came after", async () => {
    const w = writer();
    w.type("one ");
    w.type("two ");
    const log = await logAll(w.updates);
    const state = Y.encodeStateAsUpdate(w.doc);
    w.type("three");
    await log.append(w.updates[2] as Uint8Array).durable;
    await log.compact(state, 2);
    expect(decodeRecords(await fs.readFile(logFile(base))).records.map((r) => r.seq)).toEqual([3]);
    await log.append(new Uint8Array([0, 0])).durable;
    await log.close();
    const stored = await readStoredDocument(base);
    expect(stored.throughSeq).toBe(2);
    expect(textOf(encodeStoredDocument(stored, "audit1"))).toBe("one two three");
  });

  test("a compaction cut off after writing the state but before trimming the log loads the same document", async () => {
    const w = writer();
    for (const word of ["Child ", "A ", "seen ", "alone"]) w.type(word);
    await (await logAll(w.updates)).close();
    const halfway = new Y.Doc();
    for (const u of w.updates.slice(0, 3)) Y.applyUpdate(halfway, u);
    await fs.writeFile(stateFile(base), encodeStateFile(Y.encodeStateAsUpdate(halfway), 3));
    const stored = await readStoredDocument(base);
    expect(stored.updates.map((u) => u.seq)).toEqual([4]);
    expect(textOf(encodeStoredDocument(stored, "audit1"))).toBe("Child A seen alone");
  });

  test("refuses to replace the stored state with one that lacks part of it", async () => {
    const w = writer();
    w.type("Everything agreed at the meeting");
    const log = await logAll(w.updates);
    await log.compact(Y.encodeStateAsUpdate(w.doc), 1);
    await expect(log.compact(Y.encodeStateAsUpdate(new Y.Doc()), 1)).rejects.toThrow(/lacks updates/);
    await log.close();
    expect(textOf(encodeStoredDocument(await readStoredDocument(base), "audit1"))).toBe("Everything agreed at the meeting");
  });

  test("a state file that fails its checksum is an error, never an empty document", async () => {
    const w = writer();
    w.type("Core group");
    const log = await logAll(w.updates);
    await log.compact(Y.encodeStateAsUpdate(w.doc), 1);
    await log.close();
    const bytes = await fs.readFile(stateFile(base));
    bytes[bytes.length - 2] ^= 0x01;
    await fs.writeFile(stateFile(base), bytes);
    await expect(DocumentLogFile.open(base, new Health())).rejects.toThrow(/checksum/);
  });

  test("a failing write is retried and reported; when it keeps failing the append fails", async () => {
    const health = new Health();
    const log = await DocumentLogFile.open(base, health);
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
    // The failed attempt's bytes were overwritten, not left in the middle of the log.
    const stored = await readStoredDocument(base);
    expect(stored.damaged).toBe(false);
    expect(textOf(encodeStoredDocument(stored, "audit1"))).toBe("Strategy discussion within 24h");
  });

  test("the zero-filled room after the last record is not damage", async () => {
    const w = writer();
    w.type("Section 47 enquiry");
    await (await logAll(w.updates)).close();
    const stored = await readStoredDocument(base);
    expect(stored.fileLength).toBeGreaterThan(stored.goodLength);
    expect(stored.damaged).toBe(false);
    await (await DocumentLogFile.open(base, new Health())).close();
    expect((await fs.readdir(dir)).some((f) => f.includes(".damaged-"))).toBe(false);
  });

  test("records survive a round trip through the format", () => {
    const update = new Uint8Array([1, 2, 3, 250]);
    const bytes = Buffer.concat([encodeRecord({ kind: "update", seq: 7, update }), encodeRecord({ kind: "abort", seq: 7 })]);
    expect(decodeRecords(bytes)).toEqual({
      records: [
        { kind: "update", seq: 7, update },
        { kind: "abort", seq: 7 },
      ],
      goodLength: bytes.length,
    });
  });
});
