/**
 * Rich text (Tiptap/ProseMirror JSON) as HTML. Every text node and attribute is escaped; only the
 * tags below are ever written, with no style, class or event attribute taken from content; links
 * keep only http, https and mailto targets (anything else becomes plain text).
 */
import type { RichTextNode } from "../../shared/board/richText.ts";
import { cleanText, safeHref } from "./text.ts";

export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface RichHtmlOptions {
  /**
   * Heading level (1–6) to write for a heading of the content, or undefined to write it as a
   * bold paragraph (card text must not add entries to the document outline).
   */
  heading?: (level: number) => number | undefined;
  /** Escaped HTML appended to the last paragraph (e.g. the agency that said it). */
  suffix?: string;
}

const MARK_TAGS: Record<string, string> = { bold: "strong", italic: "em", strike: "s", underline: "u", code: "code" };

function renderText(node: RichTextNode): string {
  let html = escapeHtml(node.text ?? "").replaceAll("\n", "<br>");
  for (const mark of node.marks ?? []) {
    const tag = MARK_TAGS[mark.type];
    if (tag) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

function linkOf(node: RichTextNode): string | undefined {
  const link = node.marks?.find((m) => m.type === "link");
  return link ? safeHref(link.attrs?.href) : undefined;
}

/** Inline content, with neighbouring runs of the same link kept in one <a>. */
function renderInline(nodes: readonly RichTextNode[]): string {
  let html = "";
  let i = 0;
  while (i < nodes.length) {
    const href = nodes[i].type === "text" ? linkOf(nodes[i]) : undefined;
    if (!href) {
      html += renderNode(nodes[i], {});
      i += 1;
      continue;
    }
    let inner = "";
    while (i < nodes.length && nodes[i].type === "text" && linkOf(nodes[i]) === href) {
      inner += renderText(nodes[i]);
      i += 1;
    }
    html += `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${inner}</a>`;
  }
  return html;
}

function startAttr(node: RichTextNode): string {
  const start = Number(node.attrs?.start);
  return Number.isInteger(start) && start !== 1 && start >= 0 && start < 1e6 ? ` start="${start}"` : "";
}

function renderNode(node: RichTextNode, options: RichHtmlOptions): string {
  const children = (node.content ?? []).map((child) => renderNode(child, options)).join("");
  switch (node.type) {
    case "text":
      return renderText(node);
    case "hardBreak":
      return "<br>";
    case "paragraph": {
      const inline = renderInline(node.content ?? []);
      return inline ? `<p>${inline}</p>` : "";
    }
    case "heading": {
      const inline = renderInline(node.content ?? []);
      const level = options.heading?.(Math.min(6, Math.max(1, Math.trunc(Number(node.attrs?.level) || 1))));
      if (!inline) return "";
      return level ? `<h${level}>${inline}</h${level}>` : `<p><strong>${inline}</strong></p>`;
    }
    case "bulletList":
      return children ? `<ul>${children}</ul>` : "";
    case "orderedList":
      return children ? `<ol${startAttr(node)}>${children}</ol>` : "";
    case "listItem":
      return `<li>${children}</li>`;
    case "blockquote":
      return children ? `<blockquote>${children}</blockquote>` : "";
    case "codeBlock":
      return `<pre><code>${(node.content ?? []).map((t) => escapeHtml(t.text ?? "")).join("")}</code></pre>`;
    case "horizontalRule":
      return "<hr>";
    default:
      // Unknown nodes (images, embeds, anything a newer editor adds) keep only their text.
      return children;
  }
}

/** Block HTML of a rich-text document. */
export function richHtml(doc: RichTextNode, options: RichHtmlOptions = {}): string {
  const blocks = (doc.type === "doc" ? (doc.content ?? []) : [doc]).map((node) => renderNode(node, options)).filter(Boolean);
  if (options.suffix) {
    const last = blocks.at(-1);
    if (last?.startsWith("<p>")) blocks[blocks.length - 1] = `${last.slice(0, -4)} ${options.suffix}</p>`;
    else blocks.push(`<p>${options.suffix}</p>`);
  }
  return blocks.join("");
}
