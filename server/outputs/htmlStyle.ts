/** The learning summary page's stylesheet: readable on screen, clean A4 pages when printed to PDF. */

/** A CSS string literal (for @page margin boxes); cannot end the string or the <style> element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** `footer` is printed at the foot of every page (with the page number). */
export function summaryCss(footer: string): string {
  return `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #f3f2f1; }
body { margin: 0; color: #0b0c0c; font: 11pt/1.5 Arial, "Liberation Sans", Helvetica, sans-serif; }
.page { max-width: 50rem; margin: 2rem auto; padding: 2.5rem 3rem 3rem; background: #fff; box-shadow: 0 1px 4px rgb(0 0 0 / 15%); }
.title-block { border-bottom: 4px solid #1d3c6e; padding-bottom: 1rem; margin-bottom: 1.5rem; }
.kicker { margin: 0; color: #505a5f; font-size: 1rem; font-weight: bold; letter-spacing: 0.02em; text-transform: uppercase; }
h1 { margin: 0.25rem 0 0; color: #1d3c6e; font-size: 2rem; line-height: 1.2; }
.subtitle { margin: 0.25rem 0 0.75rem; font-size: 1.15rem; color: #0b0c0c; }
.status { margin: 0; padding: 0.5rem 0.75rem; border-left: 5px solid #00703c; background: #f0f7f2; }
.status.interim { border-left-color: #d4351c; background: #fdf0ee; }
h2 { margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid #1d3c6e; color: #1d3c6e; font-size: 1.45rem; line-height: 1.25; }
h3 { margin: 1.4rem 0 0.4rem; color: #0b0c0c; font-size: 1.15rem; line-height: 1.3; }
h4 { margin: 1.1rem 0 0.3rem; font-size: 1rem; }
h5, h6 { margin: 1rem 0 0.25rem; font-size: 1rem; }
p { margin: 0 0 0.6rem; }
ul, ol { margin: 0 0 0.8rem; padding-left: 1.5rem; }
li { margin: 0 0 0.35rem; }
li > p, li > ul, li > ol { margin-bottom: 0.2rem; }
li > p:last-child { margin-bottom: 0; }
blockquote { margin: 0 0 0.6rem; padding-left: 0.75rem; border-left: 4px solid #b1b4b6; color: #383f43; }
pre { white-space: pre-wrap; }
code, pre { font-family: Consolas, "Liberation Mono", monospace; font-size: 0.92em; }
a { color: #1d70b8; text-decoration: underline; overflow-wrap: anywhere; }
.agency { color: #505a5f; font-size: 0.92em; white-space: nowrap; }
.none { color: #505a5f; font-style: italic; }
.lead-in { color: #383f43; }
.themes li strong { color: #1d3c6e; }
.cases dt { font-weight: bold; margin-top: 0.6rem; }
.cases dd { margin: 0 0 0.4rem 1.5rem; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9em; line-height: 1.35; }
.actions th:nth-child(1) { width: 6%; }
.actions th:nth-child(2) { width: 27%; }
.actions th:nth-child(3), .actions th:nth-child(7) { width: 9%; }
.actions th:nth-child(4), .actions th:nth-child(5), .actions th:nth-child(8) { width: 13%; }
.actions th:nth-child(6) { width: 10%; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.4rem; }
th, td { border: 1px solid #b1b4b6; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
th { background: #1d3c6e; color: #fff; }
tbody tr:nth-child(even) td { background: #f8f8f8; }
td p { margin: 0 0 0.25rem; }
td p:last-child { margin-bottom: 0; }
.answers, .update { color: #383f43; font-size: 0.92em; }
.warning { color: #d4351c; font-weight: bold; }
.actions .urgent { color: #a52a1a; }
.record { margin-top: 2.5rem; padding-top: 0.75rem; border-top: 2px solid #1d3c6e; font-size: 0.92em; }
.record h2 { border: 0; margin-top: 0; font-size: 1.15rem; }
.record dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 0.6rem; }
.record dt { font-weight: bold; }
.record dd { margin: 0; }
.hash { font-family: Consolas, "Liberation Mono", monospace; overflow-wrap: anywhere; }
@page {
  size: A4;
  margin: 18mm 17mm 20mm;
  @bottom-left { content: ${cssString(footer)}; font: 7.5pt Arial, "Liberation Sans", sans-serif; color: #505a5f; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt Arial, "Liberation Sans", sans-serif; color: #505a5f; }
}
@media print {
  html, body { background: #fff; }
  body { font-size: 10.5pt; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h1, h2, h3, h4, h5, h6, caption { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
  h2 + *, h3 + *, h4 + * { break-before: avoid; }
  li, tr, dt, dd, blockquote, .status { break-inside: avoid; page-break-inside: avoid; }
  dt { break-after: avoid; page-break-after: avoid; }
  p { orphans: 3; widows: 3; }
  thead { display: table-header-group; }
  .responses { break-before: page; }
  a { color: #0b0c0c; }
  a[href^="http"]::after { content: " (" attr(href) ")"; color: #505a5f; font-size: 0.85em; overflow-wrap: anywhere; }
  th { background: #1d3c6e !important; color: #fff !important; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
}
