/**
 * The results table: one row per figure, ours beside vanilla, their ratio, the goal it is held
 * to, and the machine's other load while each was measured (the machines are shared).
 */

export interface Row {
  scenario: string;
  metric: string;
  /** The left and right columns: ours and vanilla, or what the table's Columns name. */
  ours?: number;
  vanilla?: number;
  decimals: number;
  /** ours / vanilla, shown when both are there. */
  ratio?: number;
  /** e.g. "≤ 1.15×" and whether it was met. */
  goal?: { text: string; met: boolean };
  /** Other processes' CPU (cores) during the ours and the vanilla measurement. */
  otherLoad?: { ours?: number; vanilla?: number };
}

/** Names of a table's two compared columns, and short forms for the ratio and load headers. */
export interface Columns {
  left: string;
  right: string;
  leftShort: string;
  rightShort: string;
}

export const OURS_VS_VANILLA: Columns = { left: "Ours", right: "Vanilla", leftShort: "ours", rightShort: "van." };

function header(c: Columns): string[] {
  const ratio = `${c.leftShort[0].toUpperCase()}${c.leftShort.slice(1)}/${c.rightShort}`;
  return ["Scenario", "Metric", c.left, c.right, ratio, "Goal", `Other load (cores) ${c.leftShort}/${c.rightShort}`];
}

function cells(row: Row): string[] {
  const fmt = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? "–" : value.toFixed(row.decimals));
  const ratio = row.ratio === undefined || !Number.isFinite(row.ratio) ? "" : `${row.ratio.toFixed(2)}×`;
  const goal = row.goal ? `${row.goal.met ? "✔" : "✘"} ${row.goal.text}` : "";
  const load = row.otherLoad ? `${fmt1(row.otherLoad.ours)} / ${fmt1(row.otherLoad.vanilla)}` : "";
  return [row.scenario, row.metric, fmt(row.ours), fmt(row.vanilla), ratio, goal, load];
}

function fmt1(value: number | undefined): string {
  return value === undefined ? "–" : value.toFixed(2);
}

/** Fixed-width text for the terminal. */
export function textTable(rows: readonly Row[], columns: Columns = OURS_VS_VANILLA): string {
  const head = header(columns);
  const lines = rows.map(cells);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
  const numeric = new Set([2, 3, 4]);
  const format = (line: string[]) =>
    line
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  let previous = "";
  const body = lines.map((line) => {
    // The scenario name once per group.
    const shown = line[0] === previous ? ["", ...line.slice(1)] : line;
    previous = line[0];
    return format(shown);
  });
  return [format(head), widths.map((w) => "-".repeat(w)).join("  "), ...body].join("\n");
}

/** The same table in Markdown (README). */
export function markdownTable(rows: readonly Row[], columns: Columns = OURS_VS_VANILLA): string {
  const head = header(columns);
  const escapePipes = (cell: string) => cell.replaceAll("|", "\\|");
  const lines = rows.map((row, i) => {
    const line = cells(row);
    if (i > 0 && rows[i - 1].scenario === row.scenario) line[0] = "";
    return `| ${line.map(escapePipes).join(" | ")} |`;
  });
  return [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i >= 2 && i <= 4 ? " ---: " : " --- ")).join("|")}|`, ...lines].join("\n");
}
