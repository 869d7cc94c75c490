/**
 * Hostile text in a snapshot renders inert in every format: HTML has no script, no event handler
 * or style attribute from content and no unsafe link; Markdown, even through a renderer that
 * allows raw HTML, yields none either; the DOCX has no unsafe hyperlink and no character XML
 * cannot hold; CSV cells never start a formula.
 */
import { strFromU8, unzipSync } from "fflate";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import {
  type OutputExtras,
  renderActionsCsv,
  renderSummaryDocx,
  renderSummaryHtml,
  renderSummaryMarkdown,
} from "../../server/outputs/index.ts";
import { listActions } from "../../shared/domain/actions.ts";
import { FORMULAS, hostileSnapshot, SCRIPT } from "./outputsHostile.ts";

const { snapshot, updates } = hostileSnapshot();
const extras: OutputExtras = {
  acknowledgements: [
    { snapshotId: snapshot.id, agency: "evil", by: { userId: "u", name: SCRIPT, agency: "evil" }, at: "2017-01-20T10:00:00Z" },
  ],
  addenda: [
    {
      id: "a",
      snapshotId: snapshot.id,
      by: { userId: "u", name: SCRIPT, agency: "police" },
      at: "2017-01-21T10:00:00Z",
      text: `${SCRIPT}\n[x](javascript:alert(1))`,
    },
  ],
  actionUpdates: updates,
  generatedAt: "2017-03-01T12:00:00Z",
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being looked for.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/;

const ALLOWED_TAGS = new Set(
  "html head meta title style body div header main footer section h1 h2 h3 h4 h5 h6 p ul ol li dl dt dd strong em s u code pre blockquote br hr a span table caption thead tbody tr th td".split(
    " ",
  ),
);
const ALLOWED_ATTRIBUTES = new Set([
  "lang",
  "charset",
  "http-equiv",
  "content",
  "name",
  "class",
  "id",
  "aria-labelledby",
  "href",
  "rel",
  "start",
  "scope",
]);

/** Every tag and attribute of an HTML text, and every link target, checked against what we write. */
function expectInertHtml(html: string, allowedTags = ALLOWED_TAGS): void {
  for (const match of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const [, tag, rest] = match;
    expect(allowedTags.has(tag.toLowerCase()), `tag <${tag}>`).toBe(true);
    for (const attr of rest.matchAll(/([^\s="'/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      expect(ALLOWED_ATTRIBUTES.has(attr[1].toLowerCase()), `attribute ${attr[1]} on <${tag}>`).toBe(true);
    }
  }
  for (const href of html.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^(https?:\/\/|mailto:)/);
  expect(html).not.toMatch(/<script|<img|<iframe|<svg|javascript:[^<]*"/i);
  expect(html.match(/<style>/g)).toHaveLength(1);
}

describe("hostile text in the HTML summary", () => {
  const html = renderSummaryHtml(snapshot, extras);

  it("writes only our own tags and attributes, and links only to http, https and mailto", () => {
    expectInertHtml(html);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).not.toMatch(/<[^>]*\sstyle\s*=/i);
  });

  it("shows the hostile text itself, escaped, so readers see what was written", () => {
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(html).toContain("&#60;img src=x onerror=alert(1)&#62;");
    expect(html).toContain("<title>&#60;/title&#62;&#60;script&#62;");
    // An unsafe link keeps its text, without a link.
    expect(html).toContain("unsafe 0 unsafe 1 unsafe 2 unsafe 3 unsafe 4 unsafe 5 unsafe 6 unsafe 7 ");
    expect(html).toContain('<a href="https://ok.example/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E" rel="noopener noreferrer">quoted </a>');
    expect(html).toContain('<a href="mailto:office@partnership.example?subject=%3Cx%3E" rel="noopener noreferrer">mail </a>');
    expect(html).toContain("<strong>bold &#34; onmouseover=&#34;alert(1)&#34; style=&#34;position:fixed&#34; x=&#34;</strong>");
  });

  it("keeps the text of nodes no editor writes, without their attributes", () => {
    expect(html).toContain("embedded text");
    expect(html).toContain("<p><strong>odd heading</strong></p>");
    expect(html).toContain("<ol><li><p>numbered</p></li></ol>");
    expect(html).toContain('<a href="https://ok.example/" rel="noopener noreferrer">link with extra attrs</a>');
  });

  it("drops characters that are not allowed in a document", () => {
    expect(html).toContain("bell nul esc lone end");
    expect(html).not.toMatch(NOT_XML);
  });

  it("cannot end the footer's CSS string or the style element", () => {
    const style = html.slice(html.indexOf("<style>") + "<style>".length, html.indexOf("</style>"));
    expect(style).not.toContain("<");
    expect(style).toMatch(/@bottom-left \{ content: "\\3c \/title\\3e \\3c script\\3e alert\(1\)\\3c \/script\\3e {2}· /);
  });
});

describe("hostile text in the Markdown summary", () => {
  const markdown = renderSummaryMarkdown(snapshot, extras);
  // The most permissive renderer: raw HTML on, bare URLs linked, no link filtering of its own.
  const md = new MarkdownIt({ html: true, linkify: true });
  md.validateLink = () => true;
  const rendered = md.render(markdown);

  it("renders, even with raw HTML allowed, to no tag or link we did not write", () => {
    const tags = new Set([...ALLOWED_TAGS, "hr"]);
    tags.delete("script");
    expectInertHtml(`${rendered}<style>`, tags);
    expect(rendered).not.toMatch(/<img|<iframe|<svg|<!--/i);
  });

  it("adds no heading, list, quote, table or code block of its own", () => {
    expect(rendered.match(/<h1>/g)).toHaveLength(1);
    expect(rendered).not.toContain("<h1>heading");
    // Only our own status quote, and the one numbered list a card really has.
    expect(rendered.match(/<blockquote>/g)).toHaveLength(1);
    expect(rendered.match(/<ol>/g)).toHaveLength(1);
    expect(rendered).toContain("<ol>\n<li>numbered</li>\n</ol>");
    expect(rendered).not.toMatch(/<pre|<h[1-6]>(heading|odd heading)/);
    expect(rendered.match(/<table>/g)).toHaveLength(1);
  });

  it("links only the safe links", () => {
    const hrefs = [...rendered.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.filter((h) => !/^https?:\/\/evil\.example/.test(h))).toEqual([
      "https://ok.example/",
      "https://ok.example/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
      "mailto:office@partnership.example?subject=%3Cx%3E",
    ]);
    // Bare URLs in text may be auto-linked by some renderers: only to http(s), never as images.
    expect(hrefs.every((h) => /^(https?:|mailto:)/.test(h))).toBe(true);
  });

  it("shows the hostile text literally", () => {
    expect(rendered).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(rendered).toContain("[click](javascript:alert(1))");
    expect(rendered).toContain("# heading");
  });
});

describe("hostile text in the DOCX summary", async () => {
  const files = unzipSync(new Uint8Array(await renderSummaryDocx(snapshot, extras)));
  const read = (name: string) => strFromU8(files[name]);

  it("has hyperlinks only to http, https and mailto targets", () => {
    const rels = read("word/_rels/document.xml.rels");
    const targets = [...rels.matchAll(/Type="[^"]*\/hyperlink" Target="([^"]*)"|Target="([^"]*)" TargetMode="External"/g)].map(
      (m) => m[1] ?? m[2],
    );
    expect(targets.length).toBe(3);
    for (const target of targets) expect(target).toMatch(/^(https?:\/\/|mailto:)/);
  });

  it("holds no character XML cannot hold, and escapes markup as text", () => {
    for (const name of Object.keys(files).filter((f) => f.endsWith(".xml") || f.endsWith(".rels"))) {
      expect(read(name), name).not.toMatch(NOT_XML);
    }
    const xml = read("word/document.xml");
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(xml).not.toContain("<script");
    expect(read("docProps/core.xml")).toContain("<dc:title>&#60;/title&#62;&#60;script&#62;");
  });
});

describe("hostile text in the action plan CSV", () => {
  const actions = listActions(snapshot.content.board, updates, "2017-03-01");
  const csv = renderActionsCsv(actions, snapshot.content.audit.agencies);

  /** RFC 4180 cells. */
  function parse(text: string): string[][] {
    const rows: string[][] = [[]];
    let cell = "";
    let quoted = false;
    const endCell = () => {
      rows[rows.length - 1].push(cell);
      cell = "";
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted && c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = !quoted;
      else if (quoted) cell += c;
      else if (c === ",") endCell();
      else if (c === "\r" && text[i + 1] === "\n") {
        endCell();
        rows.push([]);
        i++;
      } else cell += c;
    }
    return rows.filter((r) => r.length > 1);
  }

  it("never lets a cell start a formula", () => {
    const rows = parse(csv.replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual([
      "Case",
      "Action",
      "Owner agency",
      "Lead",
      "Due date",
      "Priority",
      "Status",
      "Answers (finding)",
      "Warnings",
      "Latest update note",
    ]);
    expect(rows).toHaveLength(3);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[1].slice(1, 4)).toEqual([`'${FORMULAS[0]}`, `'${FORMULAS[3]}`, `'${FORMULAS[1]}`]);
    expect(rows[1][7]).toBe(`'${FORMULAS[0]} finding`);
    expect(rows[1][9]).toBe(`'${FORMULAS[2]}`);
    expect(rows[2][3]).toBe(`'${FORMULAS[4]}`);
    expect(rows[2][4]).toBe("");
    expect(rows[2][8]).toBe("No due date");
  });
});
