/**
 * The board schema in shared/board on plain Y.Docs, no server: what readBoard shows, and that
 * replicas editing concurrently converge without duplicating or losing cases and cards.
 */
import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import {
  addCard,
  addCase,
  appendBulletItems,
  COLUMN_IDS,
  type ColumnId,
  cardBody,
  cardsMap,
  deleteCard,
  deleteCase,
  fragmentToText,
  moveCard,
  moveCase,
  orderedCardIds,
  orderedCaseIds,
  orderKeyAt,
  readBoard,
  readCard,
  SCHEMA_VERSION,
  sectionFragment,
  setCardText,
  setFragmentText,
} from "../../shared/board/index.ts";
import type { BoardJson } from "../../shared/domain/board.ts";
import { BoardClient } from "../helpers/board.ts";
import { cloneReplica, newReplica, push, seededRandom, sync, syncAll } from "../helpers/replicas.ts";

/** Every card id shown anywhere on the board, in reading order. */
function visibleCardIds(board: BoardJson): string[] {
  return board.cases.flatMap((c) => COLUMN_IDS.flatMap((column) => c.columns[column].map((card) => card.id)));
}

/** Where a card is shown, as "caseLabel/column/index", for every place it appears. */
function placesOf(board: BoardJson, cardId: string): string[] {
  const places: string[] = [];
  for (const c of board.cases) {
    for (const column of COLUMN_IDS) {
      c.columns[column].forEach((card, index) => {
        if (card.id === cardId) places.push(`${c.label}/${column}/${index}`);
      });
    }
  }
  return places;
}

/** A case with the given texts in its "working well" column, on a fresh replica. */
function boardWithColumn(texts: string[]): { doc: Y.Doc; caseId: string; ids: string[] } {
  const doc = newReplica();
  const board = new BoardClient(doc);
  const caseId = board.addCase("Case 1");
  const ids = texts.map((text) => board.addCard(caseId, "workingWell", text));
  return { doc, caseId, ids };
}

describe("readBoard", () => {
  test("lists cases in agenda order, each with the three columns of cards carrying id, text, agency and author", () => {
    const doc = newReplica();
    const second = addCase(doc, { label: "Case 2", ageBand: "5-9", plan: "cin" });
    const first = addCase(doc, { label: "Case 1", summary: "Referred by school" }, { index: 0 });
    const third = addCase(doc, { label: "Case 3" });

    const strength = addCard(doc, {
      caseId: first,
      column: "workingWell",
      text: "Timely strategy discussion",
      agency: "police",
      author: "DS Khan",
    });
    const worry = addCard(doc, {
      caseId: first,
      column: "worried",
      text: "Voice of the child missing",
      agency: "education",
      author: "DSL",
    });
    const action = addCard(doc, {
      caseId: first,
      column: "needsToHappen",
      text: "Refer to MARAC",
      agency: "childrens-social-care",
      author: "Team manager",
    });
    const firstOfColumn = addCard(doc, {
      caseId: first,
      column: "workingWell",
      text: "GP shared records",
      agency: "gp",
      author: "Dr Patel",
      index: 0,
    });

    const board = readBoard(doc);
    expect(board.schemaVersion).toBe(SCHEMA_VERSION);
    expect(board.cases.map((c) => [c.id, c.label])).toEqual([
      [first, "Case 1"],
      [second, "Case 2"],
      [third, "Case 3"],
    ]);
    expect(board.cases[0].summary).toBe("Referred by school");
    expect(board.cases[1]).toMatchObject({ ageBand: "5-9", plan: "cin" });

    const columns = board.cases[0].columns;
    expect(Object.keys(columns)).toEqual(["workingWell", "worried", "needsToHappen"]);
    expect(columns.workingWell).toEqual([
      expect.objectContaining({
        id: firstOfColumn,
        text: "GP shared records",
        agency: "gp",
        author: "Dr Patel",
        caseId: first,
        column: "workingWell",
      }),
      expect.objectContaining({ id: strength, text: "Timely strategy discussion", agency: "police", author: "DS Khan" }),
    ]);
    expect(columns.worried).toEqual([
      expect.objectContaining({ id: worry, text: "Voice of the child missing", agency: "education", author: "DSL" }),
    ]);
    expect(columns.needsToHappen).toEqual([
      expect.objectContaining({ id: action, text: "Refer to MARAC", agency: "childrens-social-care", author: "Team manager" }),
    ]);
    expect(board.cases[1].columns).toEqual({ workingWell: [], worried: [], needsToHappen: [] });
  });

  test("a second replica that receives the document state reads exactly the same board", () => {
    const { doc, caseId } = boardWithColumn(["One", "Two"]);
    addCard(doc, { caseId, column: "worried", text: "Three", agency: "police", author: "A" });
    const replica = cloneReplica(doc);
    expect(readBoard(replica)).toEqual(readBoard(doc));
    expect(visibleCardIds(readBoard(replica))).toHaveLength(3);
  });

  test("adding a card to a case that does not exist changes nothing and returns undefined", () => {
    const { doc } = boardWithColumn(["One"]);
    const before = readBoard(doc);
    expect(addCard(doc, { caseId: "no-such-case", column: "worried", text: "Lost", agency: "police", author: "A" })).toBeUndefined();
    expect(readBoard(doc)).toEqual(before);
    expect(cardsMap(doc).size).toBe(1);
  });
});

describe("concurrent edits converge", () => {
  test("two replicas moving the same card to different columns end with the card in one place, once", () => {
    const { doc: a, caseId, ids } = boardWithColumn(["c1", "c2", "c3"]);
    const w1 = addCard(a, { caseId, column: "worried", text: "w1", agency: "police", author: "A" }) as string;
    const b = cloneReplica(a);

    moveCard(a, ids[0], { column: "worried", index: 0 });
    moveCard(b, ids[0], { column: "needsToHappen", index: 0 });
    // Both replicas see their own move before syncing.
    expect(placesOf(readBoard(a), ids[0])).toEqual(["Case 1/worried/0"]);
    expect(placesOf(readBoard(b), ids[0])).toEqual(["Case 1/needsToHappen/0"]);

    sync(a, b);
    const board = readBoard(a);
    expect(readBoard(b)).toEqual(board);
    const places = placesOf(board, ids[0]);
    expect(places).toHaveLength(1);
    expect(["Case 1/worried/0", "Case 1/needsToHappen/0"]).toContain(places[0]);
    expect(visibleCardIds(board).sort()).toEqual([...ids, w1].sort());
    expect(board.cases[0].columns.workingWell.map((c) => c.text)).toEqual(["c2", "c3"]);
  });

  test("two replicas moving the same card to different positions of one column agree on a single position", () => {
    const { doc: a, ids } = boardWithColumn(["c1", "c2", "c3", "c4"]);
    const b = cloneReplica(a);

    moveCard(a, ids[1], { column: "workingWell", index: 0 });
    moveCard(b, ids[1], { column: "workingWell", index: 3 });
    sync(a, b);

    const texts = readBoard(a).cases[0].columns.workingWell.map((c) => c.text);
    expect(readBoard(b).cases[0].columns.workingWell.map((c) => c.text)).toEqual(texts);
    expect([...texts].sort()).toEqual(["c1", "c2", "c3", "c4"]);
    expect([
      ["c2", "c1", "c3", "c4"],
      ["c1", "c3", "c4", "c2"],
    ]).toContainEqual(texts);
  });

  test("concurrent moves of cases converge to the same agenda order on both replicas, each case once", () => {
    const a = newReplica();
    const ids = ["Case 1", "Case 2", "Case 3", "Case 4"].map((label) => addCase(a, { label }));
    const b = cloneReplica(a);

    moveCase(a, ids[3], 0);
    moveCase(b, ids[3], 2);
    moveCase(b, ids[0], 3);
    sync(a, b);

    const order = readBoard(a).cases.map((c) => c.label);
    expect(readBoard(b).cases.map((c) => c.label)).toEqual(order);
    expect([...order].sort()).toEqual(["Case 1", "Case 2", "Case 3", "Case 4"]);
    // b's move of Case 1 to the end did not conflict with anything and survives.
    expect(order[order.length - 1]).toBe("Case 1");
  });

  test("cards inserted concurrently at the same position share an order key, sort identically, and a later insert beside them still works", () => {
    const { doc: a, caseId, ids } = boardWithColumn(["first", "last"]);
    const b = cloneReplica(a);

    const fromA = addCard(a, { caseId, column: "workingWell", text: "from A", agency: "police", author: "A", index: 1 }) as string;
    const fromB = addCard(b, { caseId, column: "workingWell", text: "from B", agency: "gp", author: "B", index: 1 }) as string;
    sync(a, b);

    const keys = orderedCardIds(a, caseId, "workingWell");
    const keyOf = (id: string) => keys.find((k) => k.id === id)?.order;
    expect(keyOf(fromA)).toBe(keyOf(fromB));
    expect(orderedCardIds(b, caseId, "workingWell")).toEqual(keys);
    const tied = [fromA, fromB].sort();
    expect(keys.map((k) => k.id)).toEqual([ids[0], ...tied, ids[1]]);

    // Insert at the slot inside the tie: the key must lie strictly above the tie and below "last".
    const tieKey = keyOf(fromA) as string;
    const key = orderKeyAt(keys, 2);
    expect(key > tieKey).toBe(true);
    expect(key < (keyOf(ids[1]) as string)).toBe(true);
    const later = addCard(a, { caseId, column: "workingWell", text: "later", agency: "police", author: "A", index: 2 }) as string;
    // And at the slot just before the tie.
    const before = addCard(b, { caseId, column: "workingWell", text: "before", agency: "police", author: "B", index: 1 }) as string;
    sync(a, b);

    const order = readBoard(a).cases[0].columns.workingWell.map((c) => c.id);
    expect(readBoard(b).cases[0].columns.workingWell.map((c) => c.id)).toEqual(order);
    expect(order).toEqual([ids[0], before, ...tied, later, ids[1]]);
  });

  test("deleting a card while another replica moves and edits it leaves it deleted everywhere", () => {
    const { doc: a, caseId, ids } = boardWithColumn(["keep 1", "doomed", "keep 2"]);
    const b = cloneReplica(a);

    deleteCard(a, ids[1]);
    moveCard(b, ids[1], { column: "needsToHappen", index: 0 });
    setCardText(b, ids[1], "edited while deleted");
    sync(a, b);

    const board = readBoard(a);
    expect(readBoard(b)).toEqual(board);
    expect(placesOf(board, ids[1])).toEqual([]);
    expect(readCard(b, ids[1])).toBeUndefined();
    expect(board.cases[0].columns.workingWell.map((c) => c.text)).toEqual(["keep 1", "keep 2"]);
    expect(board.cases[0].columns.needsToHappen).toEqual([]);
    expect(deleteCard(b, ids[1])).toBe(false);
    expect(readBoard(b).cases[0].id).toBe(caseId);
  });

  test("deleting a case removes its cards but no card of another case", () => {
    const doc = newReplica();
    const board = new BoardClient(doc);
    const gone = board.addCase("Case 1");
    const kept = board.addCase("Case 2");
    for (const column of COLUMN_IDS) board.addCard(gone, column, `gone ${column}`);
    const survivor = board.addCard(kept, "worried", "still here");
    const replica = cloneReplica(doc);

    expect(deleteCase(doc, gone)).toBe(true);
    expect(cardsMap(doc).size).toBe(1);
    expect(readBoard(doc).cases.map((c) => c.label)).toEqual(["Case 2"]);
    expect(visibleCardIds(readBoard(doc))).toEqual([survivor]);
    expect(deleteCase(doc, gone)).toBe(false);

    push(doc, replica);
    expect(readBoard(replica)).toEqual(readBoard(doc));
    expect(cardsMap(replica).size).toBe(1);
  });

  test("a card added to a case that another replica deletes at the same time is shown nowhere after sync", () => {
    const a = newReplica();
    const caseId = addCase(a, { label: "Case 1" });
    const other = addCase(a, { label: "Case 2" });
    const b = cloneReplica(a);

    deleteCase(a, caseId);
    const orphan = addCard(b, { caseId, column: "worried", text: "too late", agency: "police", author: "B" }) as string;
    sync(a, b);

    const board = readBoard(a);
    expect(readBoard(b)).toEqual(board);
    expect(board.cases.map((c) => c.id)).toEqual([other]);
    expect(placesOf(board, orphan)).toEqual([]);
  });
});

describe("rich text", () => {
  test("fragmentToText gives one line per paragraph", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("text");
    setFragmentText(fragment, "First paragraph\nSecond paragraph");
    expect(fragment.length).toBe(2);
    expect(fragment.toArray().map((node) => (node as Y.XmlElement).nodeName)).toEqual(["paragraph", "paragraph"]);
    expect(fragmentToText(fragment)).toBe("First paragraph\nSecond paragraph");
  });

  test("fragmentToText prefixes bullet-list items with '- ' and keeps surrounding paragraphs plain", () => {
    const doc = new Y.Doc();
    const fragment = sectionFragment(doc, "acrossCases");
    setFragmentText(fragment, "Issues seen in several cases:");
    appendBulletItems(fragment, ["Disguised compliance", "Voice of the child", "Information sharing"]);
    const after = new Y.XmlElement("paragraph");
    after.insert(0, [new Y.XmlText("Discuss in team meetings.")]);
    fragment.insert(fragment.length, [after]);

    expect(fragmentToText(fragment)).toBe(
      [
        "Issues seen in several cases:",
        "- Disguised compliance",
        "- Voice of the child",
        "- Information sharing",
        "Discuss in team meetings.",
      ].join("\n"),
    );
    expect(readBoard(doc).sections.acrossCases).toBe(fragmentToText(fragment));
  });

  test("fragmentToText reads marked text without mark tags and turns hard breaks into new lines", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("text");
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    paragraph.insert(0, [text, new Y.XmlElement("hardBreak"), new Y.XmlText("next line")]);
    fragment.insert(0, [paragraph]);
    text.insert(0, "Escalated ");
    text.insert(10, "at once", { bold: true });

    expect(fragmentToText(fragment)).toBe("Escalated at once\nnext line");
  });

  test("an empty bullet item does not turn the paragraph after the list into a bullet", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("text");
    appendBulletItems(fragment, ["Only item"]);
    // An empty item, as an editor leaves it after Enter at the end of a list.
    const list = fragment.get(0) as Y.XmlElement;
    const emptyItem = new Y.XmlElement("listItem");
    emptyItem.insert(0, [new Y.XmlElement("paragraph")]);
    list.insert(list.length, [emptyItem]);
    const after = new Y.XmlElement("paragraph");
    after.insert(0, [new Y.XmlText("Plain paragraph")]);
    fragment.insert(fragment.length, [after]);

    expect(fragmentToText(fragment)).toBe("- Only item\nPlain paragraph");
  });

  test("setCardText replaces the card's text instead of appending, one paragraph per line", () => {
    const { doc, ids } = boardWithColumn(["Original text"]);
    const replica = cloneReplica(doc);

    expect(setCardText(doc, ids[0], "Replaced\r\nwith two lines")).toBe(true);
    expect(readCard(doc, ids[0])?.text).toBe("Replaced\nwith two lines");
    expect(cardBody(doc, ids[0])?.length).toBe(2);

    setCardText(doc, ids[0], "Short");
    expect(readCard(doc, ids[0])?.text).toBe("Short");
    expect(cardBody(doc, ids[0])?.length).toBe(1);

    push(doc, replica);
    expect(readCard(replica, ids[0])?.text).toBe("Short");
    expect(setCardText(doc, "no-such-card", "x")).toBe(false);
  });
});

describe("random concurrent editing", () => {
  const OPS_PER_REPLICA = 200;
  const REPLICAS = 3;

  test.each([1, 2024, 77_777])("3 replicas doing 200 random operations each with random sync points converge (seed %i)", (seed) => {
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const randomColumn = (): ColumnId => pick(COLUMN_IDS);

    // What was done anywhere, to know what must be visible at the end.
    const caseOfCard = new Map<string, string>();
    const deletedCards = new Set<string>();
    const addedCases = new Set<string>();
    const deletedCases = new Set<string>();

    const origin = newReplica();
    for (let i = 0; i < 3; i++) {
      const caseId = addCase(origin, { label: `Case ${i + 1}` });
      addedCases.add(caseId);
      for (const column of COLUMN_IDS) {
        caseOfCard.set(
          addCard(origin, { caseId, column, text: `seed ${i} ${column}`, agency: "police", author: "seed" }) as string,
          caseId,
        );
      }
    }
    const docs = [origin, ...Array.from({ length: REPLICAS - 1 }, () => cloneReplica(origin))];

    // Each replica gets exactly OPS_PER_REPLICA turns, in a random interleaving.
    const turns = docs.flatMap((_, r) => Array.from({ length: OPS_PER_REPLICA }, () => r));
    for (let i = turns.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [turns[i], turns[j]] = [turns[j], turns[i]];
    }

    let counter = 0;
    for (const r of turns) {
      const doc = docs[r];
      const board = readBoard(doc);
      const cards = board.cases.flatMap((c) => COLUMN_IDS.flatMap((column) => c.columns[column]));
      const roll = random();
      counter++;
      if (board.cases.length === 0 || roll < 0.05) {
        const caseId = addCase(doc, { label: `Case r${r}-${counter}` }, { index: Math.floor(random() * (board.cases.length + 1)) });
        addedCases.add(caseId);
      } else if (cards.length === 0 || roll < 0.35) {
        const target = pick(board.cases);
        const column = randomColumn();
        const id = addCard(doc, {
          caseId: target.id,
          column,
          text: `card ${counter} from replica ${r}`,
          agency: "police",
          author: `r${r}`,
          index: Math.floor(random() * (target.columns[column].length + 1)),
        }) as string;
        caseOfCard.set(id, target.id);
      } else if (roll < 0.65) {
        const card = pick(cards);
        const owner = board.cases.find((c) => c.id === card.caseId);
        const column = randomColumn();
        moveCard(doc, card.id, { column, index: Math.floor(random() * ((owner?.columns[column].length ?? 0) + 1)) });
      } else if (roll < 0.75) {
        setCardText(doc, pick(cards).id, `edited ${counter} by replica ${r}`);
      } else if (roll < 0.85) {
        const card = pick(cards);
        deleteCard(doc, card.id);
        deletedCards.add(card.id);
      } else if (roll < 0.97) {
        moveCase(doc, pick(board.cases).id, Math.floor(random() * board.cases.length));
      } else {
        const target = pick(board.cases);
        deleteCase(doc, target.id);
        deletedCases.add(target.id);
      }

      // Random sync points: sometimes one direction, sometimes both.
      if (random() < 0.15) {
        const from = Math.floor(random() * REPLICAS);
        const to = (from + 1 + Math.floor(random() * (REPLICAS - 1))) % REPLICAS;
        if (random() < 0.5) push(docs[from], docs[to]);
        else sync(docs[from], docs[to]);
      }
    }

    syncAll(docs);

    const vectors = docs.map((doc) => Buffer.from(Y.encodeStateVector(doc)).toString("base64"));
    expect(new Set(vectors).size).toBe(1);
    const final = readBoard(docs[0]);
    for (const doc of docs.slice(1)) expect(readBoard(doc)).toEqual(final);

    const visible = visibleCardIds(final);
    expect(new Set(visible).size).toBe(visible.length);
    const expected = [...caseOfCard].filter(([id, caseId]) => !deletedCards.has(id) && !deletedCases.has(caseId)).map(([id]) => id);
    expect([...visible].sort()).toEqual(expected.sort());
    expect(final.cases.map((c) => c.id).sort()).toEqual([...addedCases].filter((id) => !deletedCases.has(id)).sort());
    for (const c of final.cases) {
      for (const column of COLUMN_IDS) {
        for (const card of c.columns[column]) expect({ caseId: card.caseId, column: card.column }).toEqual({ caseId: c.id, column });
      }
    }
    // The scenario really exercised the board.
    expect(caseOfCard.size).toBeGreaterThan(100);
    expect(visible.length).toBeGreaterThan(20);
    expect(orderedCaseIds(docs[0]).length).toBe(final.cases.length);
  });
});
