/**
 * Reads the three summary formats back as plain lines, headings marked the Markdown way
 * ("## 4. Findings", "### Case 2"), so one checker can say where each card ended up.
 */
import { strFromU8, unzipSync } from "fflate";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&([a-z]+);/g, (m, name) => ENTITIES[name] ?? m);
}

function tidy(text: string): string[] {
  return text
    .replace(/\u00A0/g, " ")
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter(Boolean);
}

export function htmlLines(html: string): string[] {
  const body = html.slice(html.indexOf("<body>"));
  return tidy(
    decodeEntities(
      body
        .replace(/<h([1-6])[^>]*>/g, (_, n) => `\n${"#".repeat(Number(n))} `)
        .replace(/<\/(p|li|h[1-6]|dt|dd|tr|caption)>|<br>/g, "\n")
        .replace(/<\/t[dh]>/g, " | ")
        .replace(/<[^>]+>/g, ""),
    ),
  );
}

/** Markdown without emphasis markers, link targets and backslash escapes. */
export function markdownLines(md: string): string[] {
  return tidy(
    md
      .replace(/(?<!\\)\*+/g, "")
      .replace(/(?<!\\)\[([^\]]*?)(?<!\\)\]\(<[^>]*>\)/g, "$1")
      .replace(/\\([!-/:-@[-`{-~])/g, "$1")
      .replace(/^ *- /gm, ""),
  );
}

/** The files of a DOCX package. */
export function unzipDocx(buffer: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(buffer));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** word/document.xml as lines: one per paragraph, headings marked by their Heading N style. */
export function docxLines(documentXml: string): string[] {
  const lines: string[] = [];
  for (const match of documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const paragraph = match[0];
    const style = /<w:pStyle w:val="Heading(\d)"\/>/.exec(paragraph);
    const text = [...paragraph.matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
      .map((m) => (m[0] === "<w:br/>" ? "\n" : m[0] === "<w:tab/>" ? " " : decodeEntities(m[1])))
      .join("");
    lines.push(`${style ? `${"#".repeat(Number(style[1]))} ` : ""}${text}`);
  }
  return tidy(lines.join("\n"));
}

/** The lines under a heading, up to the next heading of the same or a higher level. */
export function under(lines: readonly string[], heading: string, from = 0): string[] {
  const start = lines.indexOf(heading, from);
  if (start < 0) throw new Error(`heading not found: ${heading}`);
  const level = heading.indexOf(" ");
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && line.indexOf(" ") <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** How often `text` occurs in the lines (joined). */
export function occurrences(lines: readonly string[], text: string): number {
  return lines.join("\n").split(text).length - 1;
}
