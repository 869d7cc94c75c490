/** The learning summary as Markdown (CommonMark with GFM tables): every text escaped. */
import type { RichTextNode } from "../../shared/board/richText.ts";
import { SECTION_TITLES } from "../../shared/board/schema.ts";
import { escapeMarkdown as esc, listItem, richMarkdown, richMarkdownInline } from "./richMarkdown.ts";
import type { ActionRow } from "./summaryActions.ts";
import { type CaseItems, type LearningSummary, QUESTIONS_LEAD_IN, SECTION_HEADINGS } from "./summaryModel.ts";

/** Escaped text that also cannot start a block (for whole lines of plain text). */
function line(text: string): string {
  return esc(text)
    .replaceAll("\n", " ")
    .replace(/^(\d{1,9})([.)])/, "$1\\$2")
    .replace(/^([-+=>#])/, "\\$1");
}

function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${line(item)}`).join("\n");
}

function perCase(cases: readonly CaseItems[], none: string, level = "###"): string {
  if (cases.length === 0) return "*No cases were audited.*";
  return cases
    .map((c) => {
      const items = c.items.flatMap((item) => listItem(item.body, "- ", true, `— *${esc(item.agency)}*`));
      return `${level} ${line(c.label)}\n\n${items.length > 0 ? items.join("\n") : `*${line(none)}*`}`;
    })
    .join("\n\n");
}

function cell(text: string): string {
  return line(text).replace(/(?<!\\)\|/g, "\\|") || " ";
}

function actionTable(actions: readonly ActionRow[], note: string | undefined): string {
  if (actions.length === 0) return "*No actions were recorded.*";
  const head = ["No.", "Action", "Case", "Owner agency", "Lead", "Due", "Priority", "Status"];
  const rows = actions.map((a) => {
    const action = `${richMarkdownInline(a.body)}${a.answers ? ` — Answers: ${cell(a.answers)}` : ""}`;
    const status = `${cell(a.status)}${a.latestUpdate ? ` — Latest update: ${cell(a.latestUpdate)}` : ""}`;
    const cells = [
      String(a.number),
      action,
      cell(a.caseLabel),
      a.owner ? cell(a.owner) : "**Not set**",
      cell(a.lead),
      a.due ? cell(a.due) : "**Not set**",
      a.urgent ? `**${cell(a.priority)}**` : cell(a.priority),
      status,
    ];
    return `| ${cells.join(" | ")} |`;
  });
  return [note ? `*${line(note)}*\n` : "", `| ${head.join(" | ")} |`, `|${head.map(() => " --- ").join("|")}|`, ...rows]
    .filter(Boolean)
    .join("\n");
}

function rich(doc: RichTextNode | undefined, fallback: string): string {
  return (doc && richMarkdown(doc)) || `*${line(fallback)}*`;
}

/** The learning summary as a Markdown document. */
export function renderMarkdown(s: LearningSummary): string {
  const r = s.record;
  const cases = s.cases.map((c) => {
    const facts = c.facts.length ? ` (${esc(c.facts.join("; "))})` : "";
    return `- **${esc(c.label)}**${facts}${c.summary ? ` — ${esc(c.summary).replaceAll("\n", " ")}` : ""}`;
  });
  const themes = s.recurringThemes.map((t) => `- **${esc(t.name)}** — ${esc(t.seen)} (${esc(t.caseLabels.join(", "))})`);
  const parts = [
    `# ${line(s.auditTitle)}`,
    `**${line(s.kicker)}** — learning summary and action plan`,
    `> **${esc(r.kind)}.** ${esc(r.taken)}. Snapshot “${esc(r.name)}”, SHA-256 \`${r.sha256.replace(/[^0-9a-fA-F]/g, "")}\`.`,
    `## ${SECTION_HEADINGS.theme}`,
    bullets(s.themePoints),
    cases.length ? `### The cases\n\n${cases.join("\n")}` : "",
    `## ${SECTION_HEADINGS.process}`,
    bullets(s.processPoints),
    `## ${SECTION_HEADINGS.strengths}`,
    perCase(s.strengths, "No strengths were recorded for this case."),
    `## ${SECTION_HEADINGS.findings}`,
    perCase(s.findings, "No findings were recorded for this case."),
    `## ${SECTION_HEADINGS.acrossCases}`,
    s.acrossCases || themes.length === 0 ? rich(s.acrossCases, "None recorded.") : "",
    themes.length ? `### Recurring themes\n\n${themes.join("\n")}` : "",
    `## ${SECTION_HEADINGS.goodPractice}`,
    s.goodPractice ? `### ${SECTION_TITLES.goodPractice}\n\n${rich(s.goodPractice, "")}` : "",
    `### Action plan\n\n${actionTable(s.actions, s.actionsNote)}`,
    s.recommendations.length
      ? `### What else needs to happen\n\nWhat the meeting agreed needs to happen, case by case, beyond the actions in the plan.\n\n${perCase(s.recommendations, "", "####")}`
      : "",
    s.questions ? `## ${SECTION_HEADINGS.questions}\n\n${line(QUESTIONS_LEAD_IN)}\n\n${rich(s.questions, "")}` : "",
    `## ${SECTION_HEADINGS.responses}`,
    "These sit beside the snapshot and never change it.",
    "### Read and acknowledged",
    s.acknowledgements.length
      ? s.acknowledgements.map((a) => `- **${esc(a.agency)}**: read and acknowledged by ${esc(a.by)} on ${esc(a.at)}`).join("\n")
      : "*No agency has acknowledged this version yet.*",
    s.awaiting.length ? `Not yet acknowledged by: ${esc(s.awaiting.join(", "))}.` : "",
    "### Addenda",
    s.addenda.length
      ? s.addenda
          .map(
            (a) =>
              `- **${esc(a.at)}**, ${esc(a.by)}:\n${a.text
                .split("\n")
                .filter((l) => l.trim())
                .map((l) => `\n  ${line(l)}`)
                .join("\n")}`,
          )
          .join("\n")
      : "*No addenda.*",
    "---",
    `## ${SECTION_HEADINGS.record}`,
    [
      `- **Snapshot:** ${esc(r.name)}`,
      `- **Version:** ${esc(r.kind)}`,
      `- **${r.final ? "Signed off" : "Taken"}:** ${esc(r.taken.replace(/^(Signed off|Taken) by /, ""))}`,
      `- **SHA-256:** \`${r.sha256.replace(/[^0-9a-fA-F]/g, "")}\``,
      `- **Generated:** ${esc(r.generated)}`,
    ].join("\n"),
    `The SHA-256 is computed over the snapshot's content when it is taken. Anyone can check that this text is the version that was ${r.final ? "signed off" : "taken"} by comparing it with the hash shown for the snapshot in MACA Board. Acknowledgements and addenda are not covered by the hash.`,
  ];
  return `${parts.filter(Boolean).join("\n\n")}\n`;
}
