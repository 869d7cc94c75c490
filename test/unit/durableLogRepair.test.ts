/**
 * The update log's repair, driven through the real DurableLog extension with a document log whose
 * writes and compactions the test settles by hand. The race CI met: a compaction started while the
 * disk still failed is under way when a later change's append lands (the disk is back); that
 * change must not be refused because the older compaction fails.
 */
import type { Extension } from "@hocuspocus/server";
import { expect, test } from "vitest";
import * as Y from "yjs";
import { type DocumentDurability, durableLogExtension } from "../../server/collab/extensions/durableLog.ts";
import type { Health } from "../../server/health.ts";
import type { DocumentLog, Store } from "../../server/store/index.ts";
import { type Deferred, deferred, settle } from "../helpers/deferred.ts";

/** A document log whose appends and compactions wait for the test. */
function handLog() {
  const appends: Deferred[] = [];
  const compactions: Deferred[] = [];
  let seq = 0;
  const log: DocumentLog = {
    // A stored (empty) state: a board must exist on disk before it loads.
    stored: { state: Y.encodeStateAsUpdate(new Y.Doc()), updates: [] },
    logBytes: 0,
    append: () => {
      const write = deferred();
      appends.push(write);
      return { seq: ++seq, durable: write.promise };
    },
    abort: () => Promise.resolve(),
    settled: () => Promise.resolve(),
    compact: () => {
      const compaction = deferred();
      compactions.push(compaction);
      return compaction.promise;
    },
    close: () => Promise.resolve(),
  };
  return { log, appends, compactions };
}

test("a change whose append lands during a failing repair begun before it is stored by a repair of its own", async () => {
  const { log, appends, compactions } = handLog();
  const store = { openDocumentLog: async () => log } as unknown as Store;
  const health: Health = { degraded: () => {}, recovered: () => {} } as unknown as Health;
  const extension = durableLogExtension({ store, health }) as Extension & DocumentDurability;
  const doc = new Y.Doc();
  await extension.onLoadDocument?.({ documentName: "board", document: doc } as never);

  // A change whose write fails: it is refused, and a repair (compaction) starts, on a failing disk.
  doc.getMap("m").set("a", 1);
  const first = extension.whenStored(doc);
  appends[0].reject(new Error("EIO"));
  await expect(first).rejects.toThrow("EIO");
  expect(compactions).toHaveLength(1);

  // The disk is back: a second change's append is stored while that repair is still under way.
  doc.getMap("m").set("b", 2);
  let answer: "stored" | "refused" | undefined;
  extension.whenStored(doc).then(
    () => {
      answer = "stored";
    },
    () => {
      answer = "refused";
    },
  );
  appends[1].resolve();
  await settle();
  expect(answer).toBeUndefined();

  // The old repair fails (it began while the disk failed); the change gets a repair of its own.
  compactions[0].reject(new Error("EIO"));
  await settle();
  expect(answer).toBeUndefined();
  expect(compactions).toHaveLength(2);
  compactions[1].resolve();
  await settle();
  expect(answer).toBe("stored");
});
