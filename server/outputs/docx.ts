/** The learning summary as a DOCX: real headings, lists and table; title, language and creator set. */
import {
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  type IParagraphOptions,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";
import type { RichTextNode } from "../../shared/board/richText.ts";
import { SECTION_TITLES } from "../../shared/board/schema.ts";
import { coreXml, NUMBERING, STYLES } from "./docxStyles.ts";
import { type RichDocxContext, richDocx } from "./richDocx.ts";
import type { ActionRow } from "./summaryActions.ts";
import { type CaseItems, type LearningSummary, QUESTIONS_LEAD_IN, SECTION_HEADINGS } from "./summaryModel.ts";

/** A4 with 2 cm margins: the width text and tables may use, in twips. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const COLUMNS: [string, number][] = [
  ["No.", 520],
  ["Action", 2600],
  ["Case", 800],
  ["Owner agency", 1250],
  ["Lead", 1250],
  ["Due", 1000],
  ["Priority", 900],
  ["Status", CONTENT_WIDTH - 8320],
];

const H = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
const heading = (level: 1 | 2 | 3 | 4, text: string, extra: IParagraphOptions = {}) =>
  new Paragraph({ ...extra, heading: H[level - 1], children: [new TextRun(text)] });
const para = (text: string, style?: string, extra: IParagraphOptions = {}) =>
  new Paragraph({ ...extra, style, children: [new TextRun(text)] });
const bullets = (items: readonly string[]) => items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));

export async function renderDocx(s: LearningSummary): Promise<Buffer> {
  let instances = 0;
  const ctx = (extra: Partial<RichDocxContext> = {}): RichDocxContext => ({
    level: 0,
    heading: (level) => Math.min(4, level + 2),
    nextInstance: () => ++instances,
    ...extra,
  });
  const rich = (doc: RichTextNode | undefined, fallback: string) => {
    const out = doc ? richDocx(doc, ctx()) : [];
    return out.length > 0 ? out : [para(fallback, "Muted")];
  };
  const item = (body: RichTextNode, agency: string) =>
    richDocx(
      body,
      ctx({ level: 1, first: { bullet: { level: 0 } }, suffix: [new TextRun({ text: ` —\u00A0${agency}`, style: "Agency" })] }),
    );
  const perCase = (cases: readonly CaseItems[], none: string, level: 3 | 4 = 3) =>
    cases.length === 0
      ? [para("No cases were audited.", "Muted")]
      : cases.flatMap((c) => [
          heading(level, c.label),
          ...(c.items.length > 0 ? c.items.flatMap((i) => item(i.body, i.agency)) : [para(none, "Muted")]),
        ]);
  const cell = (children: Paragraph[], header = false, width = 0) =>
    new TableCell({
      children: children.length > 0 ? children : [new Paragraph({ style: "TableText", children: [] })],
      width: { size: width, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 90, right: 90 },
      ...(header ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: "1D3C6E" } } : {}),
    });
  const text = (value: string, extra: { bold?: boolean; color?: string; missing?: string } = {}) =>
    new Paragraph({
      style: "TableText",
      children: [
        new TextRun({
          text: value || extra.missing || "",
          bold: extra.bold || (!value && !!extra.missing),
          color: value ? extra.color : "D4351C",
        }),
      ],
    });
  const actionTable = (actions: readonly ActionRow[]) => {
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: COLUMNS.map(([title, width]) => cell([text(title, { bold: true, color: "FFFFFF" })], true, width)),
    });
    const rows = actions.map((a) => {
      const body = richDocx(a.body, ctx({ style: "TableText" }));
      const cells: Paragraph[][] = [
        [text(String(a.number))],
        [
          ...(body.length ? body : [text("")]),
          ...(a.answers ? [new Paragraph({ style: "Small", children: [new TextRun(`Answers: ${a.answers}`)] })] : []),
        ],
        [text(a.caseLabel)],
        [text(a.owner, { missing: "Not set" })],
        [text(a.lead)],
        [text(a.due, { missing: "Not set" })],
        [text(a.priority, a.urgent ? { bold: true, color: "D4351C" } : {})],
        [
          text(a.status),
          ...(a.latestUpdate ? [new Paragraph({ style: "Small", children: [new TextRun(`Latest update: ${a.latestUpdate}`)] })] : []),
        ],
      ];
      return new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(c, false, COLUMNS[i][1])) });
    });
    return new Table({
      rows: [header, ...rows],
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: COLUMNS.map(([, width]) => width),
      layout: TableLayoutType.FIXED,
    });
  };

  const r = s.record;
  const statusBorder = { style: BorderStyle.SINGLE, size: 24, color: r.final ? "00703C" : "D4351C", space: 6 };
  const children: (Paragraph | Table)[] = [
    para(s.kicker, "Kicker"),
    heading(1, s.auditTitle),
    para("Learning summary and action plan", "Subtitle"),
    new Paragraph({
      border: { left: statusBorder },
      shading: { type: ShadingType.CLEAR, color: "auto", fill: r.final ? "F0F7F2" : "FDF0EE" },
      children: [new TextRun({ text: `${r.kind}. `, bold: true }), new TextRun(`${r.taken}. Snapshot “${r.name}”, SHA-256 ${r.sha256}.`)],
    }),
    heading(2, SECTION_HEADINGS.theme),
    ...bullets(s.themePoints),
    ...(s.cases.length ? [heading(3, "The cases")] : []),
    ...s.cases.map(
      (c) =>
        new Paragraph({
          bullet: { level: 0 },
          children: [
            new TextRun({ text: c.label, bold: true }),
            ...(c.facts.length ? [new TextRun({ text: ` (${c.facts.join("; ")})`, style: "Agency" })] : []),
            ...(c.summary ? [new TextRun(` — ${c.summary}`)] : []),
          ],
        }),
    ),
    heading(2, SECTION_HEADINGS.process),
    ...bullets(s.processPoints),
    heading(2, SECTION_HEADINGS.strengths),
    ...perCase(s.strengths, "No strengths were recorded for this case."),
    heading(2, SECTION_HEADINGS.findings),
    ...perCase(s.findings, "No findings were recorded for this case."),
    heading(2, SECTION_HEADINGS.acrossCases),
    ...(s.acrossCases || s.recurringThemes.length === 0 ? rich(s.acrossCases, "None recorded.") : []),
    ...(s.recurringThemes.length ? [heading(3, "Recurring themes")] : []),
    ...s.recurringThemes.map(
      (t) =>
        new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun({ text: t.name, bold: true }), new TextRun(` — ${t.seen} (${t.caseLabels.join(", ")})`)],
        }),
    ),
    heading(2, SECTION_HEADINGS.goodPractice),
    ...(s.goodPractice ? [heading(3, SECTION_TITLES.goodPractice), ...rich(s.goodPractice, "")] : []),
    heading(3, "Action plan"),
    ...(s.actionsNote ? [para(s.actionsNote, "Muted")] : []),
    ...(s.actions.length
      ? [
          para(`Action plan: ${s.actions.length} ${s.actions.length === 1 ? "action" : "actions"}`, "Caption", { keepNext: true }),
          actionTable(s.actions),
        ]
      : [para("No actions were recorded.", "Muted")]),
    ...(s.recommendations.length
      ? [
          heading(3, "What else needs to happen"),
          para("What the meeting agreed needs to happen, case by case, beyond the actions in the plan."),
          ...perCase(s.recommendations, "", 4),
        ]
      : []),
    ...(s.questions ? [heading(2, SECTION_HEADINGS.questions), para(QUESTIONS_LEAD_IN), ...rich(s.questions, "")] : []),
    heading(2, SECTION_HEADINGS.responses, { pageBreakBefore: true }),
    para("These sit beside the snapshot and never change it.", "Muted"),
    heading(3, "Read and acknowledged"),
    ...(s.acknowledgements.length
      ? s.acknowledgements.map(
          (a) =>
            new Paragraph({
              bullet: { level: 0 },
              children: [new TextRun({ text: a.agency, bold: true }), new TextRun(`: read and acknowledged by ${a.by} on ${a.at}`)],
            }),
        )
      : [para("No agency has acknowledged this version yet.", "Muted")]),
    ...(s.awaiting.length ? [para(`Not yet acknowledged by: ${s.awaiting.join(", ")}.`)] : []),
    heading(3, "Addenda"),
    ...(s.addenda.length
      ? s.addenda.flatMap((a) => {
          const lines = a.text.split("\n").filter((l) => l.trim());
          return [
            new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: a.at, bold: true }), new TextRun(`, ${a.by}:`)] }),
            ...lines.map((l) => para(l, undefined, { indent: { left: 720 } })),
          ];
        })
      : [para("No addenda.", "Muted")]),
    heading(2, SECTION_HEADINGS.record),
    ...[
      ["Snapshot", r.name],
      ["Version", r.kind],
      [r.final ? "Signed off" : "Taken", r.taken.replace(/^(Signed off|Taken) by /, "")],
      ["SHA-256", r.sha256],
      ["Generated", r.generated],
    ].map(
      ([k, v]) =>
        new Paragraph({
          children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun({ text: v, font: k === "SHA-256" ? "Consolas" : undefined })],
        }),
    ),
    para(
      `The SHA-256 is computed over the snapshot's content when it is taken. Anyone can check that this text is the version that was ${r.final ? "signed off" : "taken"} by comparing it with the hash shown for the snapshot in MACA Board. Acknowledgements and addenda are not covered by the hash.`,
    ),
  ];

  const footerRuns: ParagraphChild[] = [
    new TextRun(`${s.auditTitle} · ${r.kind} · snapshot “${r.name}”`),
    new TextRun({ children: ["\tPage ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] }),
  ];
  const document = new Document({
    title: s.documentTitle,
    subject: "Multi-agency case audit learning summary and action plan",
    creator: r.by,
    description: `${r.kind}; ${r.taken}; SHA-256 ${r.sha256}`,
    styles: STYLES,
    numbering: NUMBERING,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: "FooterText",
                tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
                children: footerRuns,
              }),
              para(`SHA-256 ${r.sha256}`, "FooterText"),
            ],
          }),
        },
        children,
      },
    ],
  });
  const core = coreXml({
    title: s.documentTitle,
    subject: "Multi-agency case audit learning summary and action plan",
    creator: r.by,
    description: `${r.kind}; ${r.taken}; SHA-256 ${r.sha256}`,
    keywords: "multi-agency case audit; MACA; learning summary; action plan",
    at: r.generatedAt,
  });
  return Packer.toBuffer(document, false, [{ path: "docProps/core.xml", data: core }]);
}
