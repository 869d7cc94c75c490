/**
 * A snapshot whose every text field is hostile: script and image tags, event-handler attributes,
 * javascript:/data:/vbscript: links, Markdown injection, spreadsheet formulas, control characters.
 * Written through the shared board functions (as a malicious client could), plus raw JSON nodes
 * no editor would produce, so the renderers are tested on what a snapshot can really hold.
 */
import { createHash } from "node:crypto";
import * as Y from "yjs";
import {
  addCard,
  addCase,
  addTheme,
  appendBulletItems,
  cardBody,
  initBoard,
  readBoard,
  sectionFragment,
  setAction,
  tagCard,
} from "../../shared/board/index.ts";
import type { RichTextNode } from "../../shared/board/richText.ts";
import type { ActionUpdate } from "../../shared/domain/actions.ts";
import { canonicalJson } from "../../shared/domain/canonical.ts";
import type { SnapshotContent, SnapshotJson } from "../../shared/domain/snapshot.ts";

export const SCRIPT = "<script>alert(1)</script>";
export const IMG = "<img src=x onerror=alert(1)>";
export const ATTRS = `" onmouseover="alert(1)" style="position:fixed" x="`;
export const MD_INJECTION =
  '[click](javascript:alert(1)) ![i](https://evil.example/x.png) <https://evil.example> <iframe src="https://evil.example"></iframe>';
export const MD_BLOCKS = "# heading\n1. list\n| a | b |\n> quote\n<!-- c -->\n    code\n---";
export const FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\tTAB", "\rCR"];
export const UNSAFE_LINKS = [
  "javascript:alert(1)",
  " JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "/relative/path",
  "//evil.example/x",
  "file:///etc/passwd",
];
export const SAFE_LINK_WITH_QUOTES = 'https://ok.example/?q="><script>alert(1)</script>';
export const CONTROL = "bell\u0007 nul\u0000 esc\u001B lone\uD800 end";

function richRuns(fragment: Y.XmlFragment, runs: [string, Record<string, unknown>][]): void {
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  fragment.delete(0, fragment.length);
  fragment.insert(0, [paragraph]);
  for (const [insert, marks] of runs) text.insert(text.length, insert, marks);
}

/** Nodes and attributes no editor writes: an image, an iframe-ish embed, attribute soup. */
const EXOTIC: RichTextNode[] = [
  { type: "image", attrs: { src: "javascript:alert(1)", onerror: "alert(1)" } },
  { type: "iframe", attrs: { src: "https://evil.example" }, content: [{ type: "text", text: "embedded text" }] },
  { type: "heading", attrs: { level: "<script>", class: "x", style: "color:red" }, content: [{ type: "text", text: "odd heading" }] },
  {
    type: "orderedList",
    attrs: { start: "1 onclick=alert(1)" },
    content: [
      {
        type: "listItem",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "numbered", marks: [{ type: "textStyle", attrs: { style: "x" } }] }] },
        ],
      },
    ],
  },
  {
    type: "paragraph",
    attrs: { onclick: "alert(1)", style: "x", class: "y" },
    content: [
      {
        type: "text",
        text: "link with extra attrs",
        marks: [{ type: "link", attrs: { href: "https://ok.example/", target: "_self", onclick: "alert(1)", class: "z" } }],
      },
      { type: "text", text: " and code `with` ticks", marks: [{ type: "code" }] },
    ],
  },
];

export interface Hostile {
  snapshot: SnapshotJson;
  updates: ActionUpdate[];
}

export function hostileSnapshot(): Hostile {
  const doc = new Y.Doc();
  initBoard(doc);
  const theme = addTheme(doc, `Theme ${SCRIPT}`);
  const one = addCase(doc, { label: `Case ${IMG}`, ageBand: "=1+1", summary: `${SCRIPT} ${MD_INJECTION}`, plan: "cp" });
  const two = addCase(doc, { label: "Case [2](javascript:alert(2))", summary: MD_BLOCKS });
  const card = (caseId: string, column: "workingWell" | "worried" | "needsToHappen", text: string, agency = "police") =>
    addCard(doc, { caseId, column, text, agency, author: SCRIPT }) ?? "";

  const script = card(one, "workingWell", SCRIPT);
  card(one, "workingWell", IMG, `evil" onclick="alert(1)`);
  card(one, "workingWell", ATTRS);
  card(one, "workingWell", CONTROL);
  const links = card(one, "worried", "links");
  const finding = card(two, "worried", `${FORMULAS[0]} finding`);
  card(two, "workingWell", MD_INJECTION);
  card(two, "workingWell", MD_BLOCKS);
  const action = card(two, "needsToHappen", FORMULAS[0]);
  const action2 = card(two, "needsToHappen", FORMULAS[1]);
  tagCard(doc, script, theme, true);
  tagCard(doc, finding, theme, true);

  const body = cardBody(doc, links);
  if (!body) throw new Error("no body");
  richRuns(body, [
    ...UNSAFE_LINKS.map((href, i): [string, Record<string, unknown>] => [`unsafe ${i} `, { link: { href } }]),
    ["quoted ", { link: { href: SAFE_LINK_WITH_QUOTES } }],
    ["mail ", { link: { href: "mailto:office@partnership.example?subject=<x>" } }],
    [`bold ${ATTRS}`, { bold: true }],
  ]);
  setAction(doc, action, { ownerAgency: FORMULAS[3], lead: FORMULAS[1], dueDate: "2017-03-01", priority: "high", answers: finding });
  setAction(doc, action2, { ownerAgency: "police", lead: FORMULAS[4] });
  appendBulletItems(sectionFragment(doc, "acrossCases"), [SCRIPT, MD_INJECTION]);
  appendBulletItems(sectionFragment(doc, "goodPractice"), [IMG]);
  appendBulletItems(sectionFragment(doc, "questions"), [MD_BLOCKS]);

  const board = readBoard(doc, { rich: true });
  // Raw nodes a malicious client could put in a card's fragment.
  const exotic = board.cases[1].columns.workingWell[0];
  exotic.body = { type: "doc", content: [...(exotic.body?.content ?? []), ...EXOTIC] };
  const content: SnapshotContent = {
    audit: {
      id: "audit-x",
      title: `</title>${SCRIPT}`,
      theme: MD_INJECTION,
      selection: FORMULAS[0],
      period: CONTROL,
      meetingDate: "2017-01-19",
      agencies: [
        { id: "police", name: "Police" },
        { id: "evil", name: `${IMG} & <b>co</b>` },
      ],
      createdAt: "2017-01-02T09:00:00.000Z",
    },
    board,
  };
  const snapshot: SnapshotJson = {
    id: "snap-x",
    auditId: "audit-x",
    name: `snap ${SCRIPT}`,
    kind: "freeze",
    takenAt: "2017-01-19T16:30:00.000Z",
    takenBy: { userId: "u", name: `<svg onload=alert(1)>`, agency: "evil" },
    sha256: createHash("sha256").update(canonicalJson(content)).digest("hex"),
    content,
  };
  const updates: ActionUpdate[] = [
    { actionId: action, status: "in-progress", note: FORMULAS[2], userId: "u", name: IMG, agency: "evil", at: "2017-02-01T10:00:00Z" },
  ];
  return { snapshot, updates };
}
