/**
 * One CSV cell, spreadsheet-safe: a cell that starts with = + - @ (or a tab or carriage return)
 * would run as a formula when the file is opened in a spreadsheet, so it gets a leading '.
 * Cells holding a comma, quote or line break are quoted, with quotes doubled (RFC 4180).
 */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of cells as CSV text with CRLF line ends (what spreadsheets expect). */
export function csvRows(rows: readonly (readonly (string | number | undefined)[])[]): string {
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
