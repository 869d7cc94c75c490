/**
 * Document names from clients: an audit's board (its id) or its meeting state (`<id>:meeting`),
 * nothing else; the store builds file paths only from names that parse, so none leaves its folder.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { Health } from "../../server/health.ts";
import { isBoardDocument, parseDocumentName } from "../../server/store/documentName.ts";
import { LowdbStore } from "../../server/store/lowdbStore.ts";

const REFUSED = [
  "",
  ":meeting",
  "../abc:meeting",
  "abc/../x:meeting",
  "abc:meeting:meeting",
  "abc:Meeting",
  "abc:meeting/../x",
  "abc.meeting",
  "ABC",
  "abc\n",
  "abc:meeting\n",
  "a".repeat(65),
];

describe("parseDocumentName", () => {
  test("an audit id is its board, `<id>:meeting` its meeting document", () => {
    expect(parseDocumentName("abc-123")).toEqual({ auditId: "abc-123", kind: "board" });
    expect(parseDocumentName("abc-123:meeting")).toEqual({ auditId: "abc-123", kind: "meeting" });
    expect(isBoardDocument("abc-123")).toBe(true);
    expect(isBoardDocument("abc-123:meeting")).toBe(false);
  });

  test.each(REFUSED)("refuses %j", (name) => {
    expect(parseDocumentName(name)).toBeUndefined();
    expect(isBoardDocument(name)).toBe(false);
  });
});

describe("the store's document files", () => {
  test("a board and its meeting state are two files; malformed names never reach the file system", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "maca-docname-"));
    try {
      const store = await LowdbStore.open(dir, new Health());
      const stateWith = (text: string) => {
        const doc = new Y.Doc();
        doc.getText("t").insert(0, text);
        return Y.encodeStateAsUpdate(doc);
      };
      const textOf = (state: Uint8Array | undefined) => {
        const doc = new Y.Doc();
        if (state) Y.applyUpdate(doc, state);
        return doc.getText("t").toString();
      };
      await store.storeDocument("abc", stateWith("board"));
      await store.storeDocument("abc:meeting", stateWith("meeting"));
      expect(textOf(await store.loadDocument("abc"))).toBe("board");
      expect(textOf(await store.loadDocument("abc:meeting"))).toBe("meeting");
      expect(await store.loadDocument("xyz:meeting")).toBeUndefined();
      for (const name of REFUSED) {
        await expect(store.loadDocument(name), name).rejects.toThrow(/Not a document name/);
        await expect(store.storeDocument(name, stateWith("x")), name).rejects.toThrow(/Not a document name/);
        await expect(store.openDocumentLog(name), name).rejects.toThrow(/Not a document name/);
      }
      expect((await readdir(path.join(dir, "docs"))).sort()).toEqual(["abc.meeting.state", "abc.state"]);
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
