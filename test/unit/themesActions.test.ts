/** Themes, card tags, actions and migrating a board from before schema versions, including under concurrency. */
import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import {
  actionWarnings,
  addCard,
  addCase,
  addTheme,
  CARD_FIELD,
  cardsMap,
  clearAction,
  DEFAULT_THEMES,
  deleteTheme,
  isOverdue,
  migrateBoard,
  readBoard,
  readCard,
  readThemes,
  SCHEMA_VERSION,
  setAction,
  setFragmentText,
  tagCard,
  themeIdFor,
} from "../../shared/board/index.ts";
import { cloneReplica, newReplica, sync } from "../helpers/replicas.ts";

function boardWithCard() {
  const doc = newReplica();
  const caseId = addCase(doc, { label: "Case 1" });
  const worry = addCard(doc, { caseId, column: "worried", text: "No voice of the child", agency: "education", author: "DSL" }) as string;
  const need = addCard(doc, { caseId, column: "needsToHappen", text: "Refer to MARAC", agency: "police", author: "DS Khan" }) as string;
  return { doc, caseId, worry, need };
}

describe("themes", () => {
  test("a new board starts with the seeds' recurring issues, in order, with ids from their names", () => {
    const themes = readThemes(newReplica());
    expect(themes.map((t) => t.name)).toEqual([...DEFAULT_THEMES]);
    expect(themes[0].id).toBe("theme-voice-of-the-child");
  });

  test("cards are tagged and untagged; deleting a theme removes its tags; two people tagging at once both count", () => {
    const { doc, worry } = boardWithCard();
    const other = cloneReplica(doc);
    const voice = themeIdFor("Voice of the child");
    const marac = themeIdFor("MARAC");
    tagCard(doc, worry, voice, true);
    tagCard(other, worry, marac, true);
    sync(doc, other);
    expect(readCard(doc, worry)?.themes).toEqual([voice, marac]);
    expect(readCard(other, worry)?.themes).toEqual([voice, marac]);

    tagCard(doc, worry, voice, false);
    expect(readCard(doc, worry)?.themes).toEqual([marac]);
    deleteTheme(doc, marac);
    expect(readCard(doc, worry)?.themes).toEqual([]);
    expect(tagCard(doc, worry, "theme-nope", true)).toBe(false);
  });

  test("adding a theme that exists by name returns it instead of a duplicate", () => {
    const doc = newReplica();
    const added = addTheme(doc, "Neglect of dental care");
    expect(addTheme(doc, "  neglect of DENTAL care ")).toBe(added);
    expect(readThemes(doc).at(-1)).toEqual({ id: added, name: "Neglect of dental care" });
  });
});

describe("actions", () => {
  test("a card made an action carries its fields; concurrent edits of different fields both survive", () => {
    const { doc, need, worry } = boardWithCard();
    expect(readCard(doc, need)?.action).toBeUndefined();
    setAction(doc, need, { answers: worry });
    expect(readCard(doc, need)?.action).toEqual({ status: "open", answers: worry });

    const other = cloneReplica(doc);
    setAction(doc, need, { ownerAgency: "childrens-social-care", lead: "Team manager" });
    setAction(other, need, { dueDate: "2026-12-31", priority: "high", status: "in-progress" });
    sync(doc, other);
    const expected = {
      ownerAgency: "childrens-social-care",
      lead: "Team manager",
      dueDate: "2026-12-31",
      priority: "high",
      status: "in-progress",
      answers: worry,
    };
    expect(readCard(doc, need)?.action).toEqual(expected);
    expect(readCard(other, need)?.action).toEqual(expected);

    setAction(doc, need, { lead: "" });
    expect(readCard(doc, need)?.action?.lead).toBeUndefined();
    clearAction(doc, need);
    expect(readCard(doc, need)?.action).toBeUndefined();
    setAction(doc, need, {});
    expect(readCard(doc, need)?.action?.dueDate).toBe("2026-12-31");
  });

  test("warnings say what is missing to follow an action up, and overdue counts only open work", () => {
    expect(actionWarnings({ status: "open" })).toEqual(["No owner agency", "No due date"]);
    expect(actionWarnings({ status: "open", ownerAgency: "police", dueDate: "2026-01-01" })).toEqual([]);
    expect(isOverdue({ status: "open", dueDate: "2026-01-01" }, "2026-02-01")).toBe(true);
    expect(isOverdue({ status: "in-progress", dueDate: "2026-03-01" }, "2026-02-01")).toBe(false);
    expect(isOverdue({ status: "done", dueDate: "2026-01-01" }, "2026-02-01")).toBe(false);
    expect(isOverdue({ status: "open" }, "2026-02-01")).toBe(false);
  });
});

describe("migration of a board from before schema versions", () => {
  test("gives the audit its theme list and brings its cards to the current layout, once", () => {
    // Version 0/1 cards had their case, place and stamp as keys, and no tags or action yet.
    const old = new Y.Doc();
    const caseId = addCase(old, { label: "Case 1" });
    const card = new Y.Map<unknown>();
    const body = new Y.XmlFragment();
    old.transact(() => {
      card.set("caseId", caseId);
      card.set("place", { column: "needsToHappen", order: "a0" });
      card.set("agency", "gp");
      card.set("author", "GP");
      card.set("createdAt", "2024-05-01T10:00:00.000Z");
      card.set("body", body);
      cardsMap(old).set("old-card", card);
      setFragmentText(body, "Old card");
    });
    expect(readBoard(old).schemaVersion).toBe(0);

    expect(migrateBoard(old)).toBe(true);
    expect(readBoard(old).schemaVersion).toBe(SCHEMA_VERSION);
    expect(readThemes(old)).toHaveLength(DEFAULT_THEMES.length);
    expect(readCard(old, "old-card")).toEqual({
      id: "old-card",
      caseId,
      column: "needsToHappen",
      agency: "gp",
      author: "GP",
      createdAt: "2024-05-01T10:00:00.000Z",
      themes: [],
      text: "Old card",
    });
    expect([...card.keys()].sort()).toEqual([CARD_FIELD.body, CARD_FIELD.meta]);
    expect(setAction(old, "old-card", { ownerAgency: "gp" })).toBe(true);
    expect(tagCard(old, "old-card", themeIdFor("MARAC"), true)).toBe(true);
    expect(readCard(old, "old-card")).toMatchObject({ action: { status: "open", ownerAgency: "gp" }, themes: [themeIdFor("MARAC")] });
    expect(migrateBoard(old)).toBe(false);
  });
});
