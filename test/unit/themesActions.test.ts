/** Themes, card tags, actions and the version-2 migration on the shared schema, including under concurrency. */
import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import {
  ACTION_FIELD,
  actionWarnings,
  addCard,
  addCase,
  addTheme,
  BOARD_FIELD,
  boardMap,
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

describe("migration to schema 2", () => {
  test("gives older cards their themes and action maps and the audit its theme list, once", () => {
    const old = new Y.Doc();
    boardMap(old).set(BOARD_FIELD.schemaVersion, 1);
    const caseId = addCase(old, { label: "Case 1" });
    const cardId = addCard(old, { caseId, column: "needsToHappen", text: "Old card", agency: "gp", author: "GP" }) as string;
    const card = cardsMap(old).get(cardId) as Y.Map<unknown>;
    card.delete(CARD_FIELD.themes);
    card.delete(CARD_FIELD.action);

    expect(migrateBoard(old)).toBe(true);
    expect(readBoard(old).schemaVersion).toBe(SCHEMA_VERSION);
    expect(readThemes(old)).toHaveLength(DEFAULT_THEMES.length);
    expect(setAction(old, cardId, { ownerAgency: "gp" })).toBe(true);
    expect((card.get(CARD_FIELD.action) as Y.Map<unknown>).get(ACTION_FIELD.ownerAgency)).toBe("gp");
    expect(migrateBoard(old)).toBe(false);
  });
});
