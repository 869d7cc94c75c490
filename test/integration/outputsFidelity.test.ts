/**
 * Fidelity: a board built from a published 6-step briefing (seed 002, "Domestic Violence II")
 * through the shared schema, frozen, and rendered: every strength and finding appears exactly
 * once, under the right case and section, in HTML, Markdown and DOCX; theme counts, the action
 * plan and the snapshot hash are right in each.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { domesticViolenceII } from "../../server/demo/domesticViolenceII/index.ts";
import { type OutputExtras, renderSummaryDocx, renderSummaryHtml, renderSummaryMarkdown } from "../../server/outputs/index.ts";
import { readBoard } from "../../shared/board/index.ts";
import { type Agency, agencyName, DEFAULT_AGENCIES } from "../../shared/domain/agencies.ts";
import type { BoardJson } from "../../shared/domain/board.ts";
import type { SnapshotJson } from "../../shared/domain/snapshot.ts";
import { buildSnapshot, demoFixture, type Fixture } from "./outputsFixture.ts";
import { docxLines, htmlLines, markdownLines, occurrences, under, unzipDocx } from "./outputsText.ts";

let fixture: Fixture;
let snapshot: SnapshotJson;
let board: BoardJson;
let extras: OutputExtras;
const formats: Record<string, string[]> = {};
let docx: Record<string, string>;
let html: string;
let markdown: string;

const name = (id: string) => agencyName([...(snapshot.content.audit.agencies as Agency[]), ...DEFAULT_AGENCIES], id);
/** The first line of a card (the rich card continues with a list). */
const firstLine = (text: string) => text.split("\n")[0];

beforeAll(async () => {
  fixture = demoFixture();
  snapshot = fixture.snapshot();
  board = snapshot.content.board;
  extras = {
    acknowledgements: [
      {
        snapshotId: snapshot.id,
        agency: "police",
        by: { userId: "p1", name: "DS Jo Bloggs", agency: "police" },
        at: "2017-01-25T10:15:00Z",
      },
    ],
    addenda: [
      {
        id: "ad1",
        snapshotId: snapshot.id,
        by: { userId: "h1", name: "Sam Visitor", agency: "health-visiting" },
        at: "2017-01-26T11:00:00Z",
        text: "Health Visiting could not attend the meeting; we agree with the findings for Case 4.",
      },
    ],
    actionUpdates: [
      {
        actionId: fixture.cardId("School to review the low attendance"),
        status: "done",
        note: "Attendance reviewed for both children.",
        userId: "e1",
        name: "Pat Teacher",
        agency: "education",
        at: "2017-02-20T09:00:00Z",
      },
    ],
    generatedAt: "2017-03-01T12:00:00Z",
  };
  html = renderSummaryHtml(snapshot, extras);
  markdown = renderSummaryMarkdown(snapshot, extras);
  docx = unzipDocx(await renderSummaryDocx(snapshot, extras));
  formats.html = htmlLines(html);
  formats.markdown = markdownLines(markdown);
  formats.docx = docxLines(docx["word/document.xml"]);
});

describe.each(["html", "markdown", "docx"])("the learning summary as %s", (format) => {
  const lines = () => formats[format];

  it("has the six steps of the briefing, then questions for practice, in order", () => {
    const headings = lines().filter((line) => line.startsWith("## "));
    expect(headings).toEqual([
      "## 1. Theme and cases",
      "## 2. Process",
      "## 3. Strengths identified",
      "## 4. Findings",
      "## 5. Issues identified across multiple cases",
      "## 6. Good practice, evidence and actions",
      "## Questions for practice",
      "## Acknowledgements and addenda",
      "## About this document",
    ]);
    expect(lines()).toContain("# Domestic Violence II");
  });

  it("lists every strength once, under its own case, with the agency that said it", () => {
    const section = under(lines(), "## 3. Strengths identified");
    for (const c of board.cases) {
      const block = under(section, `### ${c.label}`);
      expect(c.columns.workingWell.length).toBeGreaterThan(0);
      for (const card of c.columns.workingWell) {
        const text = firstLine(card.text);
        expect(occurrences(section, text), text).toBe(1);
        expect(occurrences(block, text), `${text} under ${c.label}`).toBe(1);
        const line = block.findIndex((l) => l.includes(text));
        expect(block.slice(line, line + 4).join(" "), text).toContain(`— ${name(card.agency)}`);
      }
    }
    // Nothing else sneaks in: as many items as cards.
    const items = section.filter((l) => /(^| )— [^—]+$/.test(l)).length;
    expect(items).toBe(board.cases.reduce((n, c) => n + c.columns.workingWell.length, 0));
  });

  it("lists every finding once, under its own case; only an answered finding recurs, in the action plan", () => {
    const section = under(lines(), "## 4. Findings");
    const answered = new Set(board.cases.flatMap((c) => c.columns.needsToHappen.map((k) => k.action?.answers).filter(Boolean)));
    for (const c of board.cases) {
      const block = under(section, `### ${c.label}`);
      for (const card of c.columns.worried) {
        expect(occurrences(section, card.text), card.text).toBe(1);
        expect(occurrences(block, card.text), `${card.text} under ${c.label}`).toBe(1);
        expect(block.find((l) => l.includes(card.text))).toContain(`— ${name(card.agency)}`);
        expect(occurrences(lines(), card.text), card.text).toBe(answered.has(card.id) ? 2 : 1);
      }
    }
  });

  it("matches the seed briefing word for word for each case's strengths and findings", () => {
    for (const demoCase of domesticViolenceII.cases) {
      const strengths = under(under(lines(), "## 3. Strengths identified"), `### ${demoCase.label}`);
      const findings = under(under(lines(), "## 4. Findings"), `### ${demoCase.label}`);
      for (const card of demoCase.columns.workingWell) expect(occurrences(strengths, firstLine(card.text).slice(0, 60))).toBe(1);
      for (const card of demoCase.columns.worried) expect(occurrences(findings, card.text)).toBe(1);
    }
  });

  it("gives the issues across cases and the recurring themes with their counts", () => {
    const section = under(lines(), "## 5. Issues identified across multiple cases");
    for (const issue of domesticViolenceII.acrossCases) expect(occurrences(section, issue), issue).toBe(1);
    expect(section).toContain("Voice of the child — seen in 4 of 6 cases (Case 1, Case 2, Case 3, Case 4)");
    expect(section).toContain("MARAC — seen in 2 of 6 cases (Case 2, Case 3)");
    // Tagged in one case only: not a recurring theme.
    expect(section.join("\n")).not.toContain("Disguised compliance —");
  });

  it("gives good practice, the action plan and what else needs to happen", () => {
    const section = under(lines(), "## 6. Good practice, evidence and actions");
    expect(occurrences(section, "A meeting to review the families' debt has taken place")).toBe(1);
    const others = under(section, "### What else needs to happen");
    const actions = new Set([
      fixture.cardId("Put a contingency plan"),
      fixture.cardId("School to review the low"),
      fixture.cardId("Put support in place"),
    ]);
    for (const c of board.cases) {
      for (const card of c.columns.needsToHappen) {
        if (actions.has(card.id)) expect(occurrences(others, card.text), card.text).toBe(0);
        else expect(occurrences(under(others, `#### ${c.label}`), card.text), card.text).toBe(1);
      }
    }
    const questions = under(lines(), "## Questions for practice");
    expect(occurrences(questions, "How do we make sure the voice of the child is heard and recorded?")).toBe(1);
  });

  it("shows the case profile and the process", () => {
    expect(
      occurrences(
        under(lines(), "## 1. Theme and cases"),
        "Plans at the time of the audit: Child protection plan (1 case), Child in need (1 case); not recorded for 4 cases.",
      ),
    ).toBe(1);
    const process = under(lines(), "## 2. Process").join("\n");
    expect(process).toContain("Agencies taking part: Children's Social Care, Police,");
    expect(process).toContain("audit tools were returned by the agencies taking part");
    expect(process).toContain("A multi-agency meeting on 19 January 2017");
  });

  it("shows the snapshot, its kind, who signed it off, its hash, acknowledgements and addenda", () => {
    const record = under(lines(), "## About this document").join("\n");
    expect(record).toContain(snapshot.sha256);
    expect(record).toContain("Final signed-off version");
    expect(record).toContain("Chair of the QA Sub Group (Safeguarding Partnership) on 19 January 2017 at 16:30");
    const responses = under(lines(), "## Acknowledgements and addenda").join("\n");
    expect(responses).toContain("Police: read and acknowledged by DS Jo Bloggs on 25 January 2017 at 10:15");
    expect(responses).toContain("Sam Visitor (Health Visiting)");
    expect(responses).toContain("we agree with the findings for Case 4.");
    expect(lines().slice(0, 8).join(" ")).toContain(snapshot.sha256);
  });
});

describe("the action plan table", () => {
  const expected = [
    [
      "1",
      "Put a contingency plan in place",
      "Case 1",
      "Children's Social Care",
      "Team Manager, Assessment",
      "31 March 2017",
      "High",
      "Open",
    ],
    ["2", "School to review the low attendance", "Case 1", "Education", "Head of Inclusion", "28 February 2017", "Medium", "Done"],
    ["3", "Put support in place following", "Case 6", "Not set", "", "Not set", "", "Open"],
  ];
  const check = (rows: string[][]) => {
    expect(rows).toHaveLength(3);
    rows.forEach((row, i) => {
      expect(row).toHaveLength(8);
      expect(row[1].startsWith(expected[i][1]), row[1]).toBe(true);
      expect([row[0], ...row.slice(2, 7), row[7].split(/ ?(Latest update|—)/)[0].trim()]).toEqual([
        expected[i][0],
        ...expected[i].slice(2),
      ]);
    });
    expect(rows[0][1]).toContain("Answers: A robust contingency plan was not in place");
    expect(rows[1][7]).toContain("Attendance reviewed for both children.");
  };

  it("has one row per action, with the update after the freeze laid over, in HTML", () => {
    const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
    const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
      [...m[1].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => htmlLines(`<body>${c[1]}`).join(" ")),
    );
    check(rows);
    expect(html).toMatch(/<thead><tr><th scope="col">No\.<\/th><th scope="col">Action<\/th>/);
  });

  it("in Markdown", () => {
    const rows = markdown
      .split("\n")
      .filter((l) => /^\| \d+ \|/.test(l))
      .map((l) =>
        l
          .slice(2, -2)
          .split(/(?<!\\) \| /)
          .map((c) =>
            markdownLines(c)
              .join(" ")
              .replace(/^Not set$/, "Not set"),
          ),
      );
    check(rows.map((r) => r.map((c) => (c === "" ? "" : c))));
  });

  it("in DOCX, as a real table whose first row is a repeating header", () => {
    const xml = docx["word/document.xml"];
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)?.[0] ?? "";
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows[0]).toContain("<w:tblHeader/>");
    const cells = rows.slice(1).map((row) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => docxLines(c[0]).join(" ")));
    check(cells);
  });
});

describe("the DOCX package", () => {
  it("sets title, language and creator, and uses real heading styles and lists", () => {
    const core = docx["docProps/core.xml"];
    expect(core).toContain("<dc:title>Domestic Violence II – Multi-Agency Case Audit 6 Step Briefing</dc:title>");
    expect(core).toContain("<dc:language>en-GB</dc:language>");
    expect(core).toContain("<dc:creator>Chair of the QA Sub Group, Safeguarding Partnership</dc:creator>");
    expect(docx["word/styles.xml"]).toMatch(/<w:lang w:val="en-GB"/);
    const xml = docx["word/document.xml"];
    for (const level of [1, 2, 3]) expect(xml).toContain(`<w:pStyle w:val="Heading${level}"/>`);
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    // The signed-off hash is in the footer of every page.
    const footers = Object.keys(docx).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    expect(footers.length).toBeGreaterThan(0);
    expect(footers.some((f) => docx[f].includes(snapshot.sha256))).toBe(true);
  });

  it("keeps the rich text of a card: bold, italics, a list and a link", () => {
    const xml = docx["word/document.xml"];
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">protective behaviours<\/w:t>/);
    expect(xml).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">eldest child<\/w:t>/);
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"[^>]*>[\s\S]*?NSCB procedures/);
    expect(docx["word/_rels/document.xml.rels"]).toMatch(
      /Target="https:\/\/www\.northamptonshirescb\.org\.uk\/procedures" TargetMode="External"/,
    );
    const items = docxLines(xml).filter((l) => l === "Sessions held weekly" || l === "Shared with the Social Worker");
    expect(items).toHaveLength(2);
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="1"\/>[\s\S]*?Sessions held weekly/);
  });
});

describe("rich text in HTML and Markdown", () => {
  it("is kept with its formatting and a safe link", () => {
    expect(html).toContain(
      'The School Nurse has undertaken <strong>protective behaviours</strong> work with the <em>eldest child</em> (see the <a href="https://www.northamptonshirescb.org.uk/procedures" rel="noopener noreferrer">NSCB procedures</a>).',
    );
    expect(html).toContain("<ul><li><p>Sessions held weekly</p></li><li><p>Shared with the Social Worker</p></li></ul>");
    expect(markdown).toContain(
      "- The School Nurse has undertaken **protective behaviours** work with the *eldest child* (see the [NSCB procedures](<https://www.northamptonshirescb.org.uk/procedures>)).",
    );
    expect(markdown).toContain("\n  - Sessions held weekly\n  - Shared with the Social Worker\n");
  });
});

describe("an interim snapshot", () => {
  it("says in every format that it is not the signed-off version", async () => {
    const interim = buildSnapshot(fixture.doc, { kind: "snapshot", name: "after case 3" });
    const none: OutputExtras = { acknowledgements: [], addenda: [], actionUpdates: [] };
    const texts = [
      renderSummaryHtml(interim, none),
      renderSummaryMarkdown(interim, none),
      unzipDocx(await renderSummaryDocx(interim, none))["word/document.xml"],
    ];
    for (const text of texts) {
      expect(text).toContain("Interim snapshot (not signed off)");
      expect(text).toContain(interim.sha256);
      expect(text).not.toContain("Final signed-off version");
    }
    expect(readBoard(fixture.doc).cases).toHaveLength(6);
  });
});
