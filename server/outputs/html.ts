/** The learning summary as one standalone HTML page: no script, inline print CSS for A4. */
import type { RichTextNode } from "../../shared/board/richText.ts";
import { SECTION_TITLES } from "../../shared/board/schema.ts";
import { summaryCss } from "./htmlStyle.ts";
import { escapeHtml as esc, richHtml } from "./richHtml.ts";
import type { ActionRow } from "./summaryActions.ts";
import { type CaseItems, type LearningSummary, QUESTIONS_LEAD_IN, SECTION_HEADINGS, type SnapshotRecord } from "./summaryModel.ts";

/**
 * The page runs nothing and loads nothing, even saved to disk and opened from there (the server
 * sends its own header too; frame-ancestors only works as a header, so it is not here).
 */
const META_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** Section content headings sit under the page's h2: a level-1 heading in a section becomes h3. */
const sectionHeading = (level: number) => Math.min(6, level + 2);

function section(id: string, title: string, body: string, extraClass = ""): string {
  return `<section class="${`step ${extraClass}`.trim()}" aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>${body}</section>`;
}

function list(items: readonly string[]): string {
  return `<ul>${items.map((item) => `<li>${esc(item)}</li>`).join("")}</ul>`;
}

function rich(doc: RichTextNode | undefined, fallback: string): string {
  return (doc && richHtml(doc, { heading: sectionHeading })) || `<p class="none">${esc(fallback)}</p>`;
}

function perCase(cases: readonly CaseItems[], none: string, heading = "h3"): string {
  if (cases.length === 0) return `<p class="none">No cases were audited.</p>`;
  return cases
    .map((c) => {
      const items = c.items.map(
        (item) => `<li>${richHtml(item.body, { suffix: `<span class="agency">—&nbsp;${esc(item.agency)}</span>` })}</li>`,
      );
      const body = items.length > 0 ? `<ul class="items">${items.join("")}</ul>` : `<p class="none">${esc(none)}</p>`;
      return `<div class="case"><${heading}>${esc(c.label)}</${heading}>${body}</div>`;
    })
    .join("");
}

function notSet(value: string): string {
  return value ? esc(value) : `<span class="warning">Not set</span>`;
}

/** Columns of the action plan (their widths are in htmlStyle.ts). */
const TABLE_COLUMNS = ["No.", "Action", "Case", "Owner agency", "Lead", "Due", "Priority", "Status"];

function actionTable(actions: readonly ActionRow[], note: string | undefined): string {
  if (actions.length === 0) return `<p class="none">No actions were recorded.</p>`;
  const head = TABLE_COLUMNS.map((h) => `<th scope="col">${h}</th>`);
  const rows = actions.map((a) => {
    const answers = a.answers ? `<p class="answers">Answers: ${esc(a.answers)}</p>` : "";
    const update = a.latestUpdate ? `<p class="update">Latest update: ${esc(a.latestUpdate)}</p>` : "";
    return `<tr><td>${a.number}</td><td>${richHtml(a.body)}${answers}</td><td>${esc(a.caseLabel)}</td><td>${notSet(a.owner)}</td><td>${esc(a.lead)}</td><td>${notSet(a.due)}</td><td>${a.urgent ? `<strong class="urgent">${esc(a.priority)}</strong>` : esc(a.priority)}</td><td><p>${esc(a.status)}</p>${update}</td></tr>`;
  });
  const caption = `<caption>Action plan: ${actions.length} ${actions.length === 1 ? "action" : "actions"}</caption>`;
  return `${note ? `<p class="lead-in">${esc(note)}</p>` : ""}<table class="actions">${caption}<thead><tr>${head.join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function record(r: SnapshotRecord): string {
  const rows: [string, string][] = [
    ["Snapshot", esc(r.name)],
    ["Version", esc(r.kind)],
    [r.final ? "Signed off" : "Taken", esc(r.taken.replace(/^(Signed off|Taken) by /, ""))],
    ["SHA-256", `<span class="hash">${esc(r.sha256)}</span>`],
    ["Generated", esc(r.generated)],
  ];
  return `<footer class="record" aria-labelledby="record"><h2 id="record">${SECTION_HEADINGS.record}</h2><dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl><p>The SHA-256 is computed over the snapshot's content when it is taken. Anyone can check that this text is the version that was ${r.final ? "signed off" : "taken"} by comparing it with the hash shown for the snapshot in MACA Board. Acknowledgements and addenda sit beside the snapshot and are not covered by the hash.</p></footer>`;
}

function responses(s: LearningSummary): string {
  const acks = s.acknowledgements.length
    ? `<ul>${s.acknowledgements.map((a) => `<li><strong>${esc(a.agency)}</strong>: read and acknowledged by ${esc(a.by)} on ${esc(a.at)}</li>`).join("")}</ul>`
    : `<p class="none">No agency has acknowledged this version yet.</p>`;
  const awaiting = s.awaiting.length ? `<p>Not yet acknowledged by: ${esc(s.awaiting.join(", "))}.</p>` : "";
  const addenda = s.addenda.length
    ? `<ul>${s.addenda
        .map(
          (a) =>
            `<li><p><strong>${esc(a.at)}</strong>, ${esc(a.by)}:</p>${a.text
              .split("\n")
              .filter((l) => l.trim())
              .map((l) => `<p>${esc(l)}</p>`)
              .join("")}</li>`,
        )
        .join("")}</ul>`
    : `<p class="none">No addenda.</p>`;
  const body = `<p class="lead-in">These sit beside the snapshot and never change it.</p><h3>Read and acknowledged</h3>${acks}${awaiting}<h3>Addenda</h3>${addenda}`;
  return section("responses", SECTION_HEADINGS.responses, body, "responses");
}

/** A complete HTML5 page of the learning summary. */
export function renderHtml(s: LearningSummary): string {
  const r = s.record;
  const cases = s.cases
    .map(
      (c) =>
        `<dt>${esc(c.label)}${c.facts.length ? ` <span class="agency">(${esc(c.facts.join("; "))})</span>` : ""}</dt>${c.summary ? `<dd>${esc(c.summary)}</dd>` : ""}`,
    )
    .join("");
  const themes = s.recurringThemes.length
    ? `<h3>Recurring themes</h3><ul class="themes">${s.recurringThemes.map((t) => `<li><strong>${esc(t.name)}</strong> — ${esc(t.seen)} (${esc(t.caseLabels.join(", "))})</li>`).join("")}</ul>`
    : "";
  const goodPractice = s.goodPractice ? `<h3>${esc(SECTION_TITLES.goodPractice)}</h3>${rich(s.goodPractice, "")}` : "";
  const recommendations = s.recommendations.length
    ? `<h3>What else needs to happen</h3><p class="lead-in">What the meeting agreed needs to happen, case by case, beyond the actions in the plan.</p>${perCase(s.recommendations, "", "h4")}`
    : "";
  const main = [
    section("step-1", SECTION_HEADINGS.theme, `${list(s.themePoints)}${cases ? `<h3>The cases</h3><dl class="cases">${cases}</dl>` : ""}`),
    section("step-2", SECTION_HEADINGS.process, list(s.processPoints)),
    section("step-3", SECTION_HEADINGS.strengths, perCase(s.strengths, "No strengths were recorded for this case.")),
    section("step-4", SECTION_HEADINGS.findings, perCase(s.findings, "No findings were recorded for this case.")),
    section("step-5", SECTION_HEADINGS.acrossCases, `${s.acrossCases || !themes ? rich(s.acrossCases, "None recorded.") : ""}${themes}`),
    section(
      "step-6",
      SECTION_HEADINGS.goodPractice,
      `${goodPractice}<h3>Action plan</h3>${actionTable(s.actions, s.actionsNote)}${recommendations}`,
    ),
    s.questions
      ? section("questions", SECTION_HEADINGS.questions, `<p class="lead-in">${esc(QUESTIONS_LEAD_IN)}</p>${rich(s.questions, "")}`)
      : "",
    responses(s),
  ].join("\n");
  const footer = `${s.auditTitle} · ${r.kind} · SHA-256 ${r.sha256.slice(0, 16)}…`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${META_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${esc(s.documentTitle)}</title>
<style>${summaryCss(footer)}</style>
</head>
<body>
<div class="page">
<header class="title-block">
<p class="kicker">${esc(s.kicker)}</p>
<h1>${esc(s.auditTitle)}</h1>
<p class="subtitle">Learning summary and action plan</p>
<p class="status${r.final ? "" : " interim"}"><strong>${esc(r.kind)}.</strong> ${esc(r.taken)}. Snapshot “${esc(r.name)}”, SHA-256 <span class="hash">${esc(r.sha256)}</span>.</p>
</header>
<main>
${main}
</main>
${record(r)}
</div>
</body>
</html>
`;
}
