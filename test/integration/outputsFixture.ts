/**
 * A frozen snapshot of the demo audit "Domestic Violence II" (a word-for-word transcription of a
 * published 6-step briefing), built through the shared board schema as the meeting would build it:
 * themes tagged in several cases, some "What needs to happen" cards made actions, rich text in a
 * card, good practice and questions for practice filled in.
 */
import { createHash } from "node:crypto";
import * as Y from "yjs";
import { domesticViolenceII } from "../../server/demo/domesticViolenceII/index.ts";
import { fillDemoBoard } from "../../server/demo/seedDemo.ts";
import { resolveAgencies } from "../../server/domain/agencies.ts";
import {
  appendBulletItems,
  cardBody,
  initBoard,
  readBoard,
  sectionFragment,
  setAction,
  tagCard,
  themeIdFor,
  updateCase,
} from "../../shared/board/index.ts";
import { canonicalJson } from "../../shared/domain/canonical.ts";
import type { SnapshotContent, SnapshotJson } from "../../shared/domain/snapshot.ts";

export interface Fixture {
  doc: Y.Doc;
  /** Case id by label ("Case 1"). */
  caseId: (label: string) => string;
  /** Card id by the start of its text. */
  cardId: (startsWith: string) => string;
  snapshot: () => SnapshotJson;
}

/** Writes rich text into a card the way Tiptap's Collaboration extension stores it. */
export function writeRich(
  fragment: Y.XmlFragment,
  runs: [string, Record<string, unknown>?][],
  listItems: string[] = [],
  ordered = false,
): void {
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  const blocks: Y.XmlElement[] = [paragraph];
  if (listItems.length > 0) {
    const list = new Y.XmlElement(ordered ? "orderedList" : "bulletList");
    list.insert(
      0,
      listItems.map((item) => {
        const li = new Y.XmlElement("listItem");
        const p = new Y.XmlElement("paragraph");
        p.insert(0, [new Y.XmlText(item)]);
        li.insert(0, [p]);
        return li;
      }),
    );
    blocks.push(list);
  }
  fragment.delete(0, fragment.length);
  fragment.insert(0, blocks);
  for (const [insert, marks] of runs) text.insert(text.length, insert, marks ?? {});
}

export function buildSnapshot(doc: Y.Doc, options: { kind?: "freeze" | "snapshot"; name?: string } = {}): SnapshotJson {
  const { cases: _c, acrossCases: _a, agencies, ...meta } = domesticViolenceII;
  const content: SnapshotContent = {
    audit: {
      id: "audit-dv2",
      ...meta,
      meetingDate: "2017-01-19",
      agencies: resolveAgencies(agencies),
      createdAt: "2017-01-02T09:00:00.000Z",
    },
    board: readBoard(doc, { rich: true }),
  };
  return {
    id: "snap-final",
    auditId: "audit-dv2",
    name: options.name ?? "Final",
    kind: options.kind ?? "freeze",
    takenAt: "2017-01-19T16:30:00.000Z",
    takenBy: { userId: "u-chair", name: "Chair of the QA Sub Group", agency: "partnership" },
    sha256: createHash("sha256").update(canonicalJson(content)).digest("hex"),
    content,
  };
}

export function demoFixture(): Fixture {
  const doc = new Y.Doc();
  initBoard(doc);
  fillDemoBoard(doc, domesticViolenceII);
  const board = readBoard(doc);
  const caseId = (label: string) => {
    const found = board.cases.find((c) => c.label === label);
    if (!found) throw new Error(`no case ${label}`);
    return found.id;
  };
  const cardId = (start: string) => {
    for (const c of board.cases) {
      for (const column of Object.values(c.columns)) {
        const card = column.find((k) => k.text.startsWith(start));
        if (card) return card.id;
      }
    }
    throw new Error(`no card starting "${start}"`);
  };

  // Themes: voice of the child in three cases, MARAC in two, disguised compliance in one only.
  const voice = themeIdFor("Voice of the child");
  tagCard(doc, cardId("The voices, wishes and feelings of the children"), voice, true);
  tagCard(doc, cardId("Historically, the children's voices were not heard"), voice, true);
  tagCard(doc, cardId("Although recorded, the children's voices"), voice, true);
  tagCard(doc, cardId("There is evidence of good recording of the eldest child's wishes"), voice, true);
  const marac = themeIdFor("MARAC");
  for (const id of ["Case 2", "Case 3"].map((label) => {
    const c = board.cases.find((k) => k.label === label);
    return c?.columns.needsToHappen.find((k) => k.text.startsWith("Share the outcomes of MARAC"))?.id ?? "";
  }))
    tagCard(doc, id, marac, true);
  tagCard(doc, cardId("The mother missed many health appointments"), themeIdFor("Disguised compliance"), true);

  // Profile facts on two cases.
  updateCase(doc, caseId("Case 1"), { ageBand: "5–10" });
  updateCase(doc, caseId("Case 3"), { ageBand: "11–15", plan: "cp" });

  // Actions: owner, lead, due date, priority, status, the finding answered; one without owner or date.
  setAction(doc, cardId("Put a contingency plan in place"), {
    ownerAgency: "childrens-social-care",
    lead: "Team Manager, Assessment",
    dueDate: "2017-03-31",
    priority: "high",
    answers: cardId("A robust contingency plan was not in place"),
  });
  setAction(doc, cardId("School to review the low attendance"), {
    ownerAgency: "education",
    lead: "Head of Inclusion",
    dueDate: "2017-02-28",
    priority: "medium",
    status: "in-progress",
  });
  setAction(doc, cardId("Put support in place following the Health Visitor's request"), {});

  // Rich text in a strength: bold, italics, a list and a link.
  const rich = cardBody(doc, cardId("The School Nurse has undertaken protective behaviours work"));
  if (!rich) throw new Error("no card body");
  writeRich(
    rich,
    [
      ["The School Nurse has undertaken ", {}],
      ["protective behaviours", { bold: true }],
      [" work with the ", {}],
      ["eldest child", { italic: true }],
      [" (see the ", {}],
      ["NSCB procedures", { link: { href: "https://www.northamptonshirescb.org.uk/procedures" } }],
      [").", {}],
    ],
    ["Sessions held weekly", "Shared with the Social Worker"],
  );

  appendBulletItems(sectionFragment(doc, "goodPractice"), [
    "All children with low attendance at School detailed within this audit, have since been reviewed by the School they attend.",
    "A meeting to review the families' debt has taken place between key partners and Housing colleagues to ensure safeguarding remains a key focus.",
  ]);
  appendBulletItems(sectionFragment(doc, "questions"), [
    "When we have concerns about domestic abuse how do we assess the level of abuse and concerns?",
    "How do we make sure the voice of the child is heard and recorded?",
  ]);
  return { doc, caseId, cardId, snapshot: () => buildSnapshot(doc) };
}
