/** Styles, list numbering and core properties of the learning summary DOCX. */
import { AlignmentType, type INumberingOptions, type IStylesOptions, LevelFormat } from "docx";
import { ORDERED_LIST } from "./richDocx.ts";

const FONT = "Arial";
const NAVY = "1D3C6E";
const heading = (size: number, color: string, before: number) => ({
  run: { font: FONT, size, bold: true, color },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
});

/** Body text 11pt Arial in British English; headings that Word lists in its navigation pane. */
export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: 22, language: { value: "en-GB" } },
      paragraph: { spacing: { after: 120, line: 276 } },
    },
    heading1: heading(40, NAVY, 120),
    heading2: heading(30, NAVY, 360),
    heading3: heading(25, "0B0C0C", 240),
    heading4: heading(22, "0B0C0C", 200),
    heading5: heading(22, "383F43", 160),
    listParagraph: { paragraph: { spacing: { after: 80 } } },
  },
  paragraphStyles: [
    { id: "Kicker", name: "Kicker", basedOn: "Normal", run: { bold: true, color: "505A5F", size: 22, allCaps: true } },
    { id: "Subtitle", name: "Subtitle", basedOn: "Normal", run: { size: 26 } },
    { id: "Muted", name: "Muted", basedOn: "Normal", run: { color: "505A5F", italics: true } },
    {
      id: "Small",
      name: "Small",
      basedOn: "Normal",
      run: { size: 17, color: "383F43" },
      paragraph: { spacing: { before: 60, after: 40, line: 240 } },
    },
    { id: "TableText", name: "Table Text", basedOn: "Normal", run: { size: 18 }, paragraph: { spacing: { after: 40, line: 240 } } },
    { id: "FooterText", name: "Footer Text", basedOn: "Normal", run: { size: 14, color: "505A5F" }, paragraph: { spacing: { after: 0 } } },
  ],
  characterStyles: [{ id: "Agency", name: "Agency", basedOn: "DefaultParagraphFont", run: { color: "505A5F", size: 20 } }],
};

/** Numbered lists: decimal, then letters, then roman numerals, indented like the bullets. */
export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: ORDERED_LIST,
      levels: Array.from({ length: 9 }, (_, level) => ({
        level,
        format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3],
        text: `%${level + 1}.`,
        alignment: AlignmentType.START,
        style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
      })),
    },
  ],
};

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * docProps/core.xml written whole, because the docx package has no option for dc:language:
 * title, subject, creator, description and language are what accessibility checkers read.
 */
export function coreXml(p: { title: string; subject: string; creator: string; description: string; keywords: string; at: string }): string {
  const at = xml(new Date(Number.isNaN(Date.parse(p.at)) ? Date.now() : Date.parse(p.at)).toISOString().replace(/\.\d{3}Z$/, "Z"));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xml(p.title)}</dc:title><dc:subject>${xml(p.subject)}</dc:subject><dc:creator>${xml(p.creator)}</dc:creator><cp:keywords>${xml(p.keywords)}</cp:keywords><dc:description>${xml(p.description)}</dc:description><dc:language>en-GB</dc:language><cp:lastModifiedBy>${xml(p.creator)}</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`;
}
