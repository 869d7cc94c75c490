import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fragmentToJson, fragmentToText } from "../../shared/board/index.ts";

/** Builds a fragment the way Tiptap's Collaboration extension stores it. */
function formattedFragment(): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("body");
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  const list = new Y.XmlElement("bulletList");
  const item = new Y.XmlElement("listItem");
  const itemParagraph = new Y.XmlElement("paragraph");
  itemParagraph.insert(0, [new Y.XmlText("Chronology missing")]);
  item.insert(0, [itemParagraph]);
  list.insert(0, [item]);
  fragment.insert(0, [paragraph, list]);
  text.insert(0, "Voice of the child ");
  text.insert(text.length, "not recorded", { bold: true });
  text.insert(text.length, " – see ", {});
  text.insert(text.length, "procedure", { link: { href: "https://example.org/procedure" } });
  return fragment;
}

describe("rich text read without an editor", () => {
  it("turns text formatting into marks and elements into nested nodes", () => {
    const json = fragmentToJson(formattedFragment());
    expect(json.type).toBe("doc");
    expect(json.content?.map((node) => node.type)).toEqual(["paragraph", "bulletList"]);
    const runs = json.content?.[0].content ?? [];
    expect(runs).toEqual([
      { type: "text", text: "Voice of the child " },
      { type: "text", text: "not recorded", marks: [{ type: "bold" }] },
      { type: "text", text: " – see " },
      { type: "text", text: "procedure", marks: [{ type: "link", attrs: { href: "https://example.org/procedure" } }] },
    ]);
    expect(json.content?.[1].content?.[0].type).toBe("listItem");
  });

  it("reads the same content as plain text lines", () => {
    expect(fragmentToText(formattedFragment())).toBe("Voice of the child not recorded – see procedure\n- Chronology missing");
  });
});
