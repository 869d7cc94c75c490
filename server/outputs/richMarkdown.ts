/**
 * Rich text (Tiptap/ProseMirror JSON) as CommonMark/GFM. Markdown control characters and HTML in
 * text are backslash-escaped, so a card can never add raw HTML, a link or an image, a heading,
 * a list or a table; links are written only for http, https and mailto targets.
 */
import type { RichTextNode } from "../../shared/board/richText.ts";
import { cleanText, safeHref } from "./text.ts";

/** Escapes text so that Markdown shows it literally (inline: line starts are handled per block). */
export function escapeMarkdown(text: string): string {
  return cleanText(text)
    .replace(/[\\`*_[\]<>|~]/g, "\\$&")
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&");
}

/** Escapes what would start a block at the beginning of a line (heading, quote, list, rule, setext). */
function escapeLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, "");
  return trimmed.replace(/^(\d{1,9})([.)])/, "$1\\$2").replace(/^([-+=>#])/, "\\$1");
}

/** A code span whose fence is longer than any run of backticks inside it. */
function codeSpan(text: string): string {
  const body = cleanText(text).replaceAll("\n", " ");
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || body.startsWith(" ") ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Wraps text in delimiters, keeping surrounding spaces outside (or the emphasis would not parse). */
function wrap(text: string, delimiter: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  if (!match?.[2]) return text;
  return `${match[1]}${delimiter}${match[2]}${delimiter}${match[3]}`;
}

function renderText(node: RichTextNode): string {
  const marks = new Set((node.marks ?? []).map((m) => m.type));
  let md = marks.has("code") ? codeSpan(node.text ?? "") : escapeMarkdown(node.text ?? "").replaceAll("\n", "\\\n");
  if (marks.has("strike")) md = wrap(md, "~~");
  if (marks.has("italic")) md = wrap(md, "*");
  if (marks.has("bold")) md = wrap(md, "**");
  return md;
}

function linkOf(node: RichTextNode): string | undefined {
  const link = node.marks?.find((m) => m.type === "link");
  return link ? safeHref(link.attrs?.href) : undefined;
}

/** Inline Markdown of a paragraph's content; neighbouring runs of one link become one link. */
export function renderInline(nodes: readonly RichTextNode[]): string {
  let md = "";
  let i = 0;
  while (i < nodes.length) {
    const node = nodes[i];
    const href = node.type === "text" ? linkOf(node) : undefined;
    if (!href) {
      md += node.type === "text" ? renderText(node) : node.type === "hardBreak" ? "\\\n" : renderInline(node.content ?? []);
      i += 1;
      continue;
    }
    let inner = "";
    while (i < nodes.length && nodes[i].type === "text" && linkOf(nodes[i]) === href) {
      inner += renderText(nodes[i]);
      i += 1;
    }
    md += `[${inner}](<${href}>)`;
  }
  return md;
}

function paragraphLines(nodes: readonly RichTextNode[]): string[] {
  const md = renderInline(nodes).trim();
  return md ? md.split("\n").map(escapeLineStart) : [];
}

/** Lines of one block; blocks are separated by a blank line by the caller. */
function renderBlock(node: RichTextNode, boldHeadings: boolean): string[] {
  switch (node.type) {
    case "paragraph":
      return paragraphLines(node.content ?? []);
    case "heading": {
      const lines = paragraphLines(node.content ?? []);
      return lines.length > 0 ? [`**${lines.join(" ")}**`] : [];
    }
    case "bulletList":
    case "orderedList": {
      const start = Number(node.attrs?.start);
      let n = Number.isInteger(start) && start >= 0 && start < 1e6 ? start : 1;
      return (node.content ?? []).flatMap((item) => {
        const marker = node.type === "bulletList" ? "- " : `${n++}. `;
        return listItem(item, marker, boldHeadings);
      });
    }
    case "blockquote":
      return renderBlocks(node.content ?? [], boldHeadings).map((line) => (line ? `> ${line}` : ">"));
    case "codeBlock":
      return paragraphLines([{ type: "text", text: (node.content ?? []).map((t) => t.text ?? "").join(""), marks: [{ type: "code" }] }]);
    case "horizontalRule":
      return ["---"];
    default:
      return node.content?.some((c) => c.type === "text") ? paragraphLines(node.content) : renderBlocks(node.content ?? [], boldHeadings);
  }
}

/** A list item: the marker on its first line, its other lines indented under it. */
export function listItem(item: RichTextNode, marker: string, boldHeadings = true, suffix = ""): string[] {
  const content = item.type === "listItem" || item.type === "doc" ? (item.content ?? []) : [item];
  const lines = renderBlocks(content, boldHeadings, suffix);
  if (lines.length === 0) return [];
  const indent = " ".repeat(marker.length);
  return lines.map((line, i) => (i === 0 ? `${marker}${line}` : line ? `${indent}${line}` : ""));
}

/**
 * Lines of a rich-text document, blocks separated by blank lines. `suffix` (already escaped
 * Markdown) is appended to the last paragraph, or added as its own paragraph.
 */
export function renderBlocks(nodes: readonly RichTextNode[], boldHeadings = true, suffix = ""): string[] {
  const blocks = nodes.map((node) => ({ node, lines: renderBlock(node, boldHeadings) })).filter((b) => b.lines.length > 0);
  if (suffix) {
    const last = blocks.at(-1);
    if (last?.node.type === "paragraph") last.lines[last.lines.length - 1] += ` ${suffix}`;
    else blocks.push({ node: { type: "paragraph" }, lines: [suffix] });
  }
  // Consecutive list items of one list stay tight; other blocks get a blank line between them.
  return blocks.flatMap((b, i) => (i === 0 ? b.lines : ["", ...b.lines]));
}

/** A document's content on one line (for table cells): blocks joined with " / ". */
export function richMarkdownInline(doc: RichTextNode): string {
  const parts: string[] = [];
  const walk = (node: RichTextNode) => {
    if (node.type === "paragraph" || node.type === "heading") {
      const md = renderInline(node.content ?? [])
        .replace(/\\?\n/g, " ")
        .trim();
      if (md) parts.push(md);
    } else for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  // GFM splits table cells on | before anything else, even inside code spans.
  return parts.join(" / ").replace(/(?<!\\)\|/g, "\\|");
}

/** Block Markdown of a rich-text document. */
export function richMarkdown(doc: RichTextNode, suffix = ""): string {
  return renderBlocks(doc.type === "doc" ? (doc.content ?? []) : [doc], true, suffix).join("\n");
}
