/**
 * Schema 3: a real version-2 board (test/unit/fixtures, written by the version-2 code) migrated
 * in place keeps everything it showed; replicas migrating at once converge without duplicating or
 * losing a field; the authorship guard puts back a forged stamp in the version-3 layout.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import {
  actionKey,
  addCard,
  addCase,
  BOARD_FIELD,
  boardFromState,
  boardMap,
  CARD_FIELD,
  type CardAuthor,
  cardMeta,
  cardsMap,
  guardAuthorship,
  migrateBoard,
  moveCard,
  readBoard,
  readCard,
  SCHEMA_VERSION,
  setAction,
  tagCard,
  themeIdFor,
} from "../../shared/board/index.ts";
import type { BoardJson } from "../../shared/domain/board.ts";
import { cloneReplica, newReplica, sync } from "../helpers/replicas.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const V2_STATE = new Uint8Array(fixture("board-v2.yjs"));
const V2_BOARD = JSON.parse(fixture("board-v2.json").toString("utf8")) as BoardJson;

/** A replica holding the stored version-2 board, as a server or page would before migrating. */
function v2Replica(clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  Y.applyUpdate(doc, V2_STATE);
  return doc;
}

/** Migrates `doc` and returns the update the migration produced. */
function migrateCapturing(doc: Y.Doc): Uint8Array {
  const updates: Uint8Array[] = [];
  const keep = (update: Uint8Array) => updates.push(update);
  doc.on("update", keep);
  expect(migrateBoard(doc)).toBe(true);
  doc.off("update", keep);
  return Y.mergeUpdates(updates);
}

describe("migrating a version-2 board to version 3", () => {
  test("the fixture is a version-2 board with nested tag and action maps", () => {
    const doc = v2Replica();
    expect(readBoard(doc).schemaVersion).toBe(2);
    const card = cardsMap(doc).get("card-n1") as Y.Map<unknown>;
    expect(card.get("themes")).toBeInstanceOf(Y.Map);
    expect(card.get("action")).toBeInstanceOf(Y.Map);
  });

  test("keeps every card, tag, action field, stamp and the rich text, and runs once", () => {
    const doc = v2Replica();
    expect(migrateBoard(doc)).toBe(true);
    expect(readBoard(doc, { rich: true })).toEqual({ ...V2_BOARD, schemaVersion: SCHEMA_VERSION });
    // The fixture covers what the comparison relies on.
    const n1 = readCard(doc, "card-n1");
    expect(n1?.themes).toEqual([themeIdFor("MARAC")]);
    expect(n1?.action).toEqual({
      status: "in-progress",
      ownerAgency: "police",
      lead: "DI F",
      dueDate: "2026-03-31",
      priority: "high",
      answers: "card-r1",
    });
    expect(readCard(doc, "card-w1", { rich: true })?.body?.content?.[1]).toMatchObject({
      type: "paragraph",
      content: [
        { type: "text", text: "Recorded each " },
        { type: "text", text: "missed appointment and ", marks: [{ type: "bold" }] },
        { type: "text", text: "followed up", marks: [{ type: "italic" }, { type: "link", attrs: { href: "https://example.org/plan" } }] },
      ],
    });

    // No nested maps or old keys are left: a card is its map, its body and flat keys.
    for (const [, card] of cardsMap(doc)) {
      for (const [key, value] of card.entries()) {
        expect(key === CARD_FIELD.body ? value instanceof Y.XmlFragment : !(value instanceof Y.AbstractType)).toBe(true);
        expect(key === CARD_FIELD.meta || key === CARD_FIELD.body || /^(theme|action):/.test(key)).toBe(true);
      }
    }
    // A cleared action kept its fields in version 2; they come back when it is made an action again.
    expect(readCard(doc, "card-n3")?.action).toBeUndefined();
    setAction(doc, "card-n3", {});
    expect(readCard(doc, "card-n3")?.action).toEqual({ status: "done", ownerAgency: "health", dueDate: "2025-12-01", priority: "low" });

    const state = Y.encodeStateAsUpdate(doc);
    expect(migrateBoard(doc)).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });

  test("a stored version-2 state is read as version 3 (readers of stored bytes)", () => {
    const doc = boardFromState(V2_STATE);
    expect(readBoard(doc, { rich: true })).toEqual({ ...V2_BOARD, schemaVersion: SCHEMA_VERSION });
  });

  test("two replicas migrating the same board at once write the same items: nothing doubles, nothing is lost", () => {
    const a = v2Replica();
    const b = v2Replica();
    const fromA = migrateCapturing(a);
    const fromB = migrateCapturing(b);
    expect(fromB).toEqual(fromA);
    const before = Y.encodeStateAsUpdate(a);
    sync(a, b);
    // Each already held everything the other wrote.
    expect(Y.encodeStateAsUpdate(a)).toEqual(before);
    expect(readBoard(a, { rich: true })).toEqual({ ...V2_BOARD, schemaVersion: SCHEMA_VERSION });
    expect(readBoard(b, { rich: true })).toEqual(readBoard(a, { rich: true }));
  });

  test("an edit made after one replica migrated survives another replica migrating later", () => {
    // Where two writes of a key are concurrent, Yjs keeps the higher client's: b's would win.
    const a = v2Replica(1);
    const b = v2Replica(2 ** 32 - 1);
    migrateBoard(a);
    setAction(a, "card-n1", { lead: "DI G", priority: "" });
    tagCard(a, "card-n1", themeIdFor("MARAC"), false);
    moveCard(a, "card-r1", { column: "needsToHappen", index: 0 });
    migrateBoard(b);
    sync(a, b);
    for (const doc of [a, b]) {
      expect(readCard(doc, "card-n1")).toMatchObject({ themes: [], action: { lead: "DI G", priority: undefined, status: "in-progress" } });
      expect(readCard(doc, "card-r1")?.column).toBe("needsToHappen");
    }
    expect(readBoard(b, { rich: true })).toEqual(readBoard(a, { rich: true }));
  });

  test("replicas that migrated different states still converge, keeping both replicas' data", () => {
    const a = v2Replica();
    const b = v2Replica();
    // b got one more edit from a version-2 page before it migrated.
    ((cardsMap(b).get("card-n2") as Y.Map<unknown>).get("action") as Y.Map<unknown>).set("priority", "medium");
    ((cardsMap(b).get("card-r1") as Y.Map<unknown>).get("themes") as Y.Map<unknown>).set(themeIdFor("MARAC"), true);
    migrateBoard(a);
    migrateBoard(b);
    sync(a, b);
    expect(readBoard(a, { rich: true })).toEqual(readBoard(b, { rich: true }));
    expect(readCard(a, "card-n2")?.action).toMatchObject({
      priority: "medium",
      ownerAgency: "childrens-social-care",
      dueDate: "2026-05-01",
    });
    expect(readCard(a, "card-r1")?.themes).toEqual([themeIdFor("Voice of the child"), themeIdFor("MARAC"), "theme-dental"]);
    expect(readCard(a, "card-n1")?.action?.lead).toBe("DI F");
  });

  test("two people editing different action fields of a migrated card at once both keep their change", () => {
    const a = v2Replica();
    migrateBoard(a);
    const b = cloneReplica(a);
    setAction(a, "card-n2", { priority: "high" });
    setAction(b, "card-n2", { status: "done" });
    tagCard(a, "card-n2", themeIdFor("Escalation"), true);
    tagCard(b, "card-n2", themeIdFor("MARAC"), true);
    sync(a, b);
    for (const doc of [a, b]) {
      expect(readCard(doc, "card-n2")).toMatchObject({
        themes: [themeIdFor("MARAC"), themeIdFor("Escalation")],
        action: { priority: "high", status: "done", ownerAgency: "childrens-social-care" },
      });
    }
  });
});

describe("the authorship guard under version 3", () => {
  const client = { source: "a client" };
  const writer: CardAuthor = { author: "Pat Attendee", agency: "police", agencyName: "Police" };
  /** The guard corrects after the client's transaction, in a microtask. */
  const corrections = () => new Promise<void>((resolve) => setImmediate(resolve));

  function guarded() {
    const doc = newReplica();
    const caseId = addCase(doc, { label: "Case 1" });
    const chairs = addCard(doc, { caseId, column: "worried", text: "The chair's card", agency: "partnership", author: "Chair" }) as string;
    guardAuthorship(doc, (origin) => (origin === client ? writer : undefined));
    return { doc, caseId, chairs, card: cardsMap(doc).get(chairs) as Y.Map<unknown> };
  }

  test("puts back a forged author, agency, case or creation time of an existing card, keeping its move", async () => {
    const { doc, chairs, card } = guarded();
    const before = readCard(doc, chairs);
    const meta = cardMeta(card);
    doc.transact(() => {
      card.set(CARD_FIELD.meta, {
        ...meta,
        column: "needsToHappen",
        author: "Pat Attendee",
        agency: "police",
        caseId: "x",
        createdAt: "2020",
      });
    }, client);
    expect(readCard(doc, chairs)?.author).toBe("Pat Attendee");
    await corrections();
    expect(readCard(doc, chairs)).toEqual({ ...before, column: "needsToHappen" });
  });

  test("puts back a deleted or malformed meta", async () => {
    const { doc, chairs, card } = guarded();
    const before = readCard(doc, chairs);
    doc.transact(() => card.delete(CARD_FIELD.meta), client);
    await corrections();
    expect(readCard(doc, chairs)).toEqual(before);
    doc.transact(() => card.set(CARD_FIELD.meta, { author: "Pat Attendee" }), client);
    await corrections();
    expect(readCard(doc, chairs)).toEqual(before);
  });

  test("stamps a client's new card with the writer, and leaves plain moves, tags and actions alone", async () => {
    const { doc, caseId, chairs } = guarded();
    let own = "";
    doc.transact(() => {
      own = addCard(doc, { caseId, column: "workingWell", text: "Mine", agency: "education", author: "Someone Else" }) as string;
    }, client);
    await corrections();
    expect(readCard(doc, own)).toMatchObject({ author: "Pat Attendee", agency: "police", caseId, column: "workingWell" });

    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    doc.transact(() => {
      moveCard(doc, chairs, { column: "workingWell", index: 0 });
      setAction(doc, chairs, { lead: "DI F" });
      tagCard(doc, chairs, themeIdFor("MARAC"), true);
    }, client);
    await corrections();
    expect(updates).toHaveLength(1);
    expect(readCard(doc, chairs)).toMatchObject({
      author: "Chair",
      agency: "partnership",
      column: "workingWell",
      action: { lead: "DI F" },
    });
    expect((cardsMap(doc).get(chairs) as Y.Map<unknown>).get(actionKey("lead"))).toBe("DI F");
  });

  test("puts back a client's change to the schema version (it would make every other page read-only)", async () => {
    const { doc } = guarded();
    doc.transact(() => boardMap(doc).set(BOARD_FIELD.schemaVersion, SCHEMA_VERSION + 1), client);
    await corrections();
    expect(readBoard(doc).schemaVersion).toBe(SCHEMA_VERSION);
  });
});
