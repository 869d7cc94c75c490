/** Small text helpers every output format shares: cleaning, dates, plurals, links. */

/**
 * Removes characters no XML document may hold (C0 controls other than tab and line feed, lone
 * surrogates, U+FFFE/U+FFFF) and turns CR/CRLF into LF: hostile or pasted text must not be able to
 * make a DOCX that Word refuses to open, or an HTML page that parses oddly.
 */
export function cleanText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, "\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
  );
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2018-04-11" → "11 April 2018"; anything else is returned cleaned, as it was. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : cleanText(iso);
}

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "long", timeStyle: "short" });

/** An ISO timestamp as UK local time: "3 March 2025 at 14:05". */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? cleanText(iso) : DATE_TIME.format(date);
}

/** "1 case", "6 cases". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "A", "A and B", "A, B and C". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * The normalised URL of a link mark when it is an absolute http, https or mailto link, otherwise
 * undefined (javascript:, data:, vbscript:, relative and malformed links are rendered as plain text).
 * Characters that could end a Markdown destination or an attribute are percent-encoded.
 */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== "string") return undefined;
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return undefined;
  return url.href.replace(/[\s<>"'`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
