/**
 * Renders a shared rich-text fragment as plain React elements, without mounting ProseMirror:
 * a 60-case board shows hundreds of cards, and only the one being edited needs an editor.
 * Only known node and mark types render; anything else (hostile or newer content) shows as text.
 */
import { Fragment, type ReactNode, useMemo } from "react";
import type * as Y from "yjs";
import { fragmentToJson, type RichTextNode } from "../../shared/board/index.ts";
import { useDocVersion } from "../collab/useDocVersion.ts";

type PmNode = RichTextNode;
type PmMark = NonNullable<RichTextNode["marks"]>[number];

const SAFE_HREF = /^(https?:|mailto:)/i;

function renderMarks(text: string, marks: PmMark[] | undefined): ReactNode {
  let node: ReactNode = text;
  for (const mark of marks ?? []) {
    if (mark.type === "bold") node = <strong>{node}</strong>;
    else if (mark.type === "italic") node = <em>{node}</em>;
    else if (mark.type === "strike") node = <s>{node}</s>;
    else if (mark.type === "underline") node = <u>{node}</u>;
    else if (mark.type === "code") node = <code>{node}</code>;
    else if (mark.type === "link") {
      const href = String(mark.attrs?.href ?? "");
      node = SAFE_HREF.test(href) ? (
        <a href={href} rel="noopener noreferrer nofollow" target="_blank">
          {node}
        </a>
      ) : (
        node
      );
    }
  }
  return node;
}

function renderNode(node: PmNode, key: number): ReactNode {
  const children = node.content?.map(renderNode);
  switch (node.type) {
    case "text":
      return <Fragment key={key}>{renderMarks(node.text ?? "", node.marks)}</Fragment>;
    case "paragraph":
      return <p key={key}>{children}</p>;
    case "heading":
      return node.attrs?.level === 4 ? <h5 key={key}>{children}</h5> : <h4 key={key}>{children}</h4>;
    case "bulletList":
      return <ul key={key}>{children}</ul>;
    case "orderedList":
      return <ol key={key}>{children}</ol>;
    case "listItem":
      return <li key={key}>{children}</li>;
    case "blockquote":
      return <blockquote key={key}>{children}</blockquote>;
    case "hardBreak":
      return <br key={key} />;
    default:
      return <Fragment key={key}>{children}</Fragment>;
  }
}

export function RichTextView({ fragment, placeholder }: { fragment: Y.XmlFragment; placeholder?: string }) {
  const version = useDocVersion(fragment);
  const json = useMemo(() => {
    void version;
    return fragmentToJson(fragment);
  }, [fragment, version]);
  const empty = !json.content?.some((node) => (node.content?.length ?? 0) > 0);
  if (empty) return <p className="placeholder">{placeholder ?? "Empty"}</p>;
  return <>{json.content?.map(renderNode)}</>;
}
