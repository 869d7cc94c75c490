/**
 * Card bodies and notes are Y.XmlFragments in the layout Tiptap's Collaboration extension uses
 * (y-prosemirror: an element per node named after the node type, Y.XmlText for text with marks
 * as attributes). These helpers read and write that layout without an editor.
 */
import * as Y from "yjs";

const BLOCK_NODES = new Set(["paragraph", "heading", "blockquote", "codeBlock", "listItem", "bulletList", "orderedList"]);

/** Plain text of a fragment: blocks on their own lines, list items prefixed with "- ". */
export function fragmentToText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  let current = "";
  let prefix = "";
  const flush = () => {
    if (current.length > 0) {
      lines.push(prefix + current);
      prefix = "";
    }
    current = "";
  };
  const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText | Y.XmlHook) => {
    if (node instanceof Y.XmlText) {
      current += plain(node);
    } else if (node instanceof Y.XmlElement) {
      if (node.nodeName === "hardBreak") {
        current += "\n";
        return;
      }
      const block = BLOCK_NODES.has(node.nodeName);
      if (block) flush();
      if (node.nodeName === "listItem") prefix = "- ";
      for (const child of node.toArray()) walk(child);
      if (block) flush();
      // An empty item never consumed its prefix: it must not leak into the next block.
      if (node.nodeName === "listItem") prefix = "";
    } else if (node instanceof Y.XmlFragment) {
      for (const child of node.toArray()) walk(child);
    }
  };
  walk(fragment);
  flush();
  return lines.join("\n");
}

/** Text of a Y.XmlText without the mark tags toString() adds. */
function plain(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === "string" ? op.insert : ""))
    .join("");
}

/** Replaces a fragment's content with plain text, one paragraph per line. */
export function setFragmentText(fragment: Y.XmlFragment, text: string): void {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => {
      const paragraph = new Y.XmlElement("paragraph");
      if (line.length > 0) paragraph.insert(0, [new Y.XmlText(line)]);
      return paragraph;
    });
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  fragment.insert(0, paragraphs);
}

/** Appends bullet-list items to a fragment (used for audit-level sections). */
export function appendBulletItems(fragment: Y.XmlFragment, items: readonly string[]): void {
  if (items.length === 0) return;
  const list = new Y.XmlElement("bulletList");
  list.insert(
    0,
    items.map((item) => {
      const listItem = new Y.XmlElement("listItem");
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(item)]);
      listItem.insert(0, [paragraph]);
      return listItem;
    }),
  );
  fragment.insert(fragment.length, [list]);
}

/** A ProseMirror-style JSON node, as read from a shared fragment. */
export interface RichTextNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: RichTextNode[];
}

/**
 * Reads a fragment into ProseMirror-style JSON without loading ProseMirror: elements become
 * nodes named after the element, text runs become text nodes with their formatting as marks.
 */
export function fragmentToJson(fragment: Y.XmlFragment): RichTextNode {
  const convert = (node: Y.XmlElement | Y.XmlText | Y.XmlHook): RichTextNode[] => {
    if (node instanceof Y.XmlText) {
      return node.toDelta().flatMap((op: { insert?: unknown; attributes?: Record<string, unknown> }) => {
        if (typeof op.insert !== "string" || op.insert.length === 0) return [];
        const marks = Object.entries(op.attributes ?? {}).map(([type, attrs]) =>
          attrs && typeof attrs === "object" ? { type, attrs: attrs as Record<string, unknown> } : { type },
        );
        return [{ type: "text", text: op.insert, ...(marks.length > 0 ? { marks } : {}) }];
      });
    }
    if (node instanceof Y.XmlElement) {
      const attrs = node.getAttributes() as Record<string, unknown>;
      return [
        {
          type: node.nodeName,
          ...(Object.keys(attrs).length > 0 ? { attrs } : {}),
          content: node.toArray().flatMap(convert),
        },
      ];
    }
    return [];
  };
  return { type: "doc", content: fragment.toArray().flatMap(convert) };
}
