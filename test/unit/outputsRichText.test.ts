/** The building blocks of the outputs: rich text per format, safe links, dates and CSV cells. */
import { describe, expect, it } from "vitest";
import { csvCell } from "../../server/outputs/csvCell.ts";
import { richHtml } from "../../server/outputs/richHtml.ts";
import { escapeMarkdown, richMarkdown } from "../../server/outputs/richMarkdown.ts";
import { cleanText, formatDate, formatDateTime, safeHref } from "../../server/outputs/text.ts";
import type { RichTextNode } from "../../shared/board/richText.ts";

const text = (value: string, ...marks: RichTextNode["marks"] & object): RichTextNode => ({
  type: "text",
  text: value,
  ...(marks.length ? { marks } : {}),
});
const p = (...content: RichTextNode[]): RichTextNode => ({ type: "paragraph", content });
const doc = (...content: RichTextNode[]): RichTextNode => ({ type: "doc", content });
const link = (href: string) => ({ type: "link", attrs: { href } });

describe("rich text as HTML", () => {
  it("keeps neighbouring runs of one link in one anchor, marks inside", () => {
    const html = richHtml(
      doc(p(text("see "), text("the ", link("https://a.example/")), text("policy", link("https://a.example/"), { type: "bold" }))),
    );
    expect(html).toBe('<p>see <a href="https://a.example/" rel="noopener noreferrer">the <strong>policy</strong></a></p>');
  });

  it("places section headings under the page's own, and card headings as bold text", () => {
    const heading: RichTextNode = { type: "heading", attrs: { level: 1 }, content: [text("Next steps")] };
    expect(richHtml(doc(heading), { heading: (level) => level + 2 })).toBe("<h3>Next steps</h3>");
    expect(richHtml(doc(heading))).toBe("<p><strong>Next steps</strong></p>");
  });

  it("writes numbered lists from their start, code blocks and line breaks escaped", () => {
    const list: RichTextNode = { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [p(text("third"))] }] };
    const code: RichTextNode = { type: "codeBlock", content: [text("a < b && c")] };
    expect(richHtml(doc(list, code, p(text("one"), { type: "hardBreak" }, text("two"))))).toBe(
      '<ol start="3"><li><p>third</p></li></ol><pre><code>a &#60; b &#38;&#38; c</code></pre><p>one<br>two</p>',
    );
  });

  it("appends a suffix to the last paragraph, or as its own paragraph after a list", () => {
    expect(richHtml(doc(p(text("Seen."))), { suffix: "<span>— Police</span>" })).toBe("<p>Seen. <span>— Police</span></p>");
    const list: RichTextNode = { type: "bulletList", content: [{ type: "listItem", content: [p(text("a"))] }] };
    expect(richHtml(doc(list), { suffix: "S" })).toBe("<ul><li><p>a</p></li></ul><p>S</p>");
  });
});

describe("rich text as Markdown", () => {
  it("escapes control characters of Markdown and HTML in text", () => {
    expect(escapeMarkdown("a*b_c [x](y) <b> `c` | ~ \\ &amp;")).toBe("a\\*b\\_c \\[x\\](y) \\<b\\> \\`c\\` \\| \\~ \\\\ \\&amp;");
    expect(escapeMarkdown("Police & Health (CSC)")).toBe("Police & Health (CSC)");
  });

  it("escapes what would start a block at the beginning of a line", () => {
    for (const [input, output] of [
      ["1. not a list", "1\\. not a list"],
      ["- not a list", "\\- not a list"],
      ["+ not a list", "\\+ not a list"],
      ["# not a heading", "\\# not a heading"],
      ["> not a quote", "\\> not a quote"],
      ["===", "\\==="],
      ["    not code", "not code"],
    ]) {
      expect(richMarkdown(doc(p(text(input))))).toBe(output);
    }
  });

  it("keeps emphasis delimiters next to the words and code spans longer than their content's ticks", () => {
    expect(richMarkdown(doc(p(text("very "), text(" important ", { type: "bold" }), text("step"))))).toBe("very  **important** step");
    expect(richMarkdown(doc(p(text("use `x` here", { type: "code" }))))).toBe("``use `x` here``");
    expect(richMarkdown(doc(p(text("struck", { type: "strike" }), text(" "), text("it", { type: "italic" }))))).toBe("~~struck~~ *it*");
  });

  it("nests lists and numbers ordered lists from their start", () => {
    const nested: RichTextNode = {
      type: "orderedList",
      attrs: { start: 2 },
      content: [
        {
          type: "listItem",
          content: [p(text("two")), { type: "bulletList", content: [{ type: "listItem", content: [p(text("inner"))] }] }],
        },
        { type: "listItem", content: [p(text("three"))] },
      ],
    };
    expect(richMarkdown(doc(nested))).toBe("2. two\n\n   - inner\n3. three");
  });

  it("writes hard breaks as backslash breaks, escaping the next line's start", () => {
    expect(richMarkdown(doc(p(text("one\n# two"))))).toBe("one\\\n\\# two");
  });
});

describe("links", () => {
  it("are kept only for absolute http, https and mailto URLs", () => {
    expect(safeHref("https://a.example/x?y=1#z")).toBe("https://a.example/x?y=1#z");
    expect(safeHref("mailto:office@a.example")).toBe("mailto:office@a.example");
    expect(safeHref("HTTP://A.EXAMPLE")).toBe("http://a.example/");
    for (const bad of [
      "javascript:alert(1)",
      "\u0001javascript:alert(1)",
      "java\nscript:x",
      "data:text/html,x",
      "vbscript:x",
      "/x",
      "x",
      "",
      42,
      undefined,
    ]) {
      expect(safeHref(bad), String(bad)).toBeUndefined();
    }
  });

  it("percent-encode what could end a destination or an attribute", () => {
    expect(safeHref("mailto:a@b.example?subject=<x> \"y\" 'z' `w`")).toBe(
      "mailto:a@b.example?subject=%3Cx%3E%20%22y%22%20%27z%27%20%60w%60",
    );
  });
});

describe("text", () => {
  it("formats dates the British way, in UK time", () => {
    expect(formatDate("2018-04-11")).toBe("11 April 2018");
    expect(formatDate("April 2018")).toBe("April 2018");
    expect(formatDateTime("2017-07-01T12:00:00Z")).toBe("1 July 2017 at 13:00");
    expect(formatDateTime("2017-01-19T16:30:00Z")).toBe("19 January 2017 at 16:30");
  });

  it("drops characters XML cannot hold and normalises line ends", () => {
    expect(cleanText("a\u0000b\u0007c\r\nd\re\uDC00f\u{1F600}")).toBe("abc\nd\nef\u{1F600}");
  });

  it("makes CSV cells spreadsheet-safe", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvCell("\r=x")).toBe('"\'\r=x"');
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(3)).toBe("3");
  });
});
