/**
 * Rich text (Tiptap/ProseMirror JSON) as DOCX paragraphs: bold, italics, strike, underline and code
 * as run formatting, real bulleted and numbered lists, and hyperlinks only for http, https and
 * mailto targets (anything else stays plain text). The docx package escapes all text for XML;
 * cleanText() removes the characters XML cannot hold at all.
 */
import { ExternalHyperlink, HeadingLevel, type IParagraphOptions, Paragraph, type ParagraphChild, TextRun } from "docx";
import type { RichTextNode } from "../../shared/board/richText.ts";
import { cleanText, safeHref } from "./text.ts";

/** Numbering reference of numbered lists (defined in docxStyles.ts). */
export const ORDERED_LIST = "ordered-list";

/** Indent of list text at a level, in twips (matches the docx package's bullet levels). */
export const listIndent = (level: number) => 720 * (level + 1);

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5];

export interface RichDocxContext {
  /** List level of lists inside this content (0 at the top of the page). */
  level: number;
  /** Options for the first paragraph (e.g. the bullet of the list item the content sits in). */
  first?: IParagraphOptions;
  /** Heading of content headings (by level), or undefined for a bold paragraph. */
  heading?: (level: number) => number | undefined;
  /** Paragraph style of every paragraph (e.g. the smaller text of table cells). */
  style?: string;
  /** Runs appended to the last paragraph (e.g. the agency that said it). */
  suffix?: ParagraphChild[];
  /** Gives each numbered list its own instance so that it counts from its own start. */
  nextInstance: () => number;
}

function runsOf(node: RichTextNode, extra: { style?: string } = {}): TextRun[] {
  const marks = new Set((node.marks ?? []).map((m) => m.type));
  const lines = cleanText(node.text ?? "").split("\n");
  return lines.map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : undefined,
        bold: marks.has("bold") || undefined,
        italics: marks.has("italic") || undefined,
        strike: marks.has("strike") || undefined,
        underline: marks.has("underline") ? {} : undefined,
        font: marks.has("code") ? "Consolas" : undefined,
        style: extra.style,
      }),
  );
}

function linkOf(node: RichTextNode): string | undefined {
  const link = node.marks?.find((m) => m.type === "link");
  return link ? safeHref(link.attrs?.href) : undefined;
}

/** Runs of inline content; neighbouring runs of one link share one hyperlink. */
export function inlineRuns(nodes: readonly RichTextNode[]): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let i = 0;
  while (i < nodes.length) {
    const node = nodes[i];
    const href = node.type === "text" ? linkOf(node) : undefined;
    if (href) {
      const runs: TextRun[] = [];
      while (i < nodes.length && nodes[i].type === "text" && linkOf(nodes[i]) === href)
        runs.push(...runsOf(nodes[i++], { style: "Hyperlink" }));
      children.push(new ExternalHyperlink({ link: href, children: runs }));
      continue;
    }
    if (node.type === "text") children.push(...runsOf(node));
    else if (node.type === "hardBreak") children.push(new TextRun({ text: "", break: 1 }));
    else children.push(...inlineRuns(node.content ?? []));
    i += 1;
  }
  return children;
}

/** Paragraphs of a list of blocks; the first takes `ctx.first`, later ones are indented under it. */
export function richDocxBlocks(nodes: readonly RichTextNode[], ctx: RichDocxContext): Paragraph[] {
  const out: Paragraph[] = [];
  // Inside a list item, paragraphs after the first line up with the item's text.
  const under: IParagraphOptions | undefined = ctx.first ? { indent: { left: listIndent(ctx.level - 1) } } : undefined;
  const place = () => (out.length === 0 ? ctx.first : under);
  const inner = (content: readonly RichTextNode[]) => richDocxBlocks(content, { ...ctx, first: place(), suffix: undefined });
  const paragraph = (children: ParagraphChild[], options: IParagraphOptions = {}) => {
    if (children.length > 0) out.push(new Paragraph({ style: ctx.style, ...place(), ...options, children }));
  };
  const suffixHere = ctx.suffix?.length && nodes.at(-1)?.type === "paragraph" ? nodes.length - 1 : -1;
  nodes.forEach((node, index) => {
    switch (node.type) {
      case "paragraph": {
        const runs = inlineRuns(node.content ?? []);
        paragraph(index === suffixHere && runs.length > 0 ? [...runs, ...(ctx.suffix ?? [])] : runs);
        break;
      }
      case "heading": {
        const level = ctx.heading?.(Math.min(6, Math.max(1, Math.trunc(Number(node.attrs?.level) || 1))));
        const runs = inlineRuns(node.content ?? []);
        if (level && !ctx.first) paragraph(runs, { heading: HEADINGS[Math.min(level, HEADINGS.length) - 1], keepNext: true });
        else paragraph([new TextRun({ text: (node.content ?? []).map((t) => cleanText(t.text ?? "")).join(""), bold: true })]);
        break;
      }
      case "bulletList":
      case "orderedList": {
        const instance = node.type === "orderedList" ? ctx.nextInstance() : 0;
        const level = Math.min(ctx.level, 8);
        for (const item of node.content ?? []) {
          const first: IParagraphOptions =
            node.type === "bulletList" ? { bullet: { level } } : { numbering: { reference: ORDERED_LIST, level, instance } };
          const content = item.type === "listItem" ? (item.content ?? []) : [item];
          out.push(...richDocxBlocks(content, { ...ctx, level: ctx.level + 1, first, suffix: undefined }));
        }
        break;
      }
      case "codeBlock":
        paragraph(runsOf({ type: "text", text: (node.content ?? []).map((t) => t.text ?? "").join(""), marks: [{ type: "code" }] }));
        break;
      case "horizontalRule":
        break;
      default:
        // Blockquotes and unknown nodes keep their text (unknown inline content as one paragraph).
        if (node.content?.some((c) => c.type === "text")) paragraph(inlineRuns(node.content));
        else out.push(...inner(node.content ?? []));
    }
  });
  const suffixed = suffixHere >= 0 && inlineRuns(nodes[suffixHere].content ?? []).length > 0;
  if (ctx.suffix?.length && !suffixed) paragraph(ctx.suffix);
  return out;
}

/** Paragraphs of a rich-text document. */
export function richDocx(doc: RichTextNode, ctx: RichDocxContext): Paragraph[] {
  return richDocxBlocks(doc.type === "doc" ? (doc.content ?? []) : [doc], ctx);
}
