/** The board benchmark's printed table: ours against vanilla and against the issue's goals. */
import type { Figure } from "./stats.ts";

export interface Row {
  metric: string;
  ours?: Figure;
  vanilla?: Figure;
  /** The goal as "≤ N unit" and whether ours meets it. */
  goal?: { text: string; met: boolean };
  /** Shown after the table, keyed to the metric. */
  note?: string;
}

function format(value: Figure | undefined): string {
  if (!value || !Number.isFinite(value.value)) return "–";
  const { unit } = value;
  if (unit === "bytes") return value.value >= 10_240 ? `${(value.value / 1024).toFixed(0)} KiB` : `${value.value.toFixed(0)} B`;
  if (unit === "MiB") return `${value.value.toFixed(2)} MiB`;
  if (unit === "ms") return `${value.value.toFixed(value.value < 10 ? 1 : 0)} ms`;
  return `${value.value.toFixed(2)}${unit ? ` ${unit}` : ""}`;
}

export function goal(value: number | undefined, limit: number, text: string): Row["goal"] {
  return { text, met: value !== undefined && Number.isFinite(value) && value <= limit };
}

export function printTable(title: string, rows: readonly Row[]): void {
  const header = ["Metric", "ours", "vanilla", "ours/van.", "goal", "load1 (o/v)"];
  const lines = rows.map((row) => {
    const ratio =
      row.ours && row.vanilla && Number.isFinite(row.ours.value) && row.vanilla.value > 0
        ? `${(row.ours.value / row.vanilla.value).toFixed(2)}×`
        : "–";
    const goalText = row.goal ? `${row.goal.text} ${row.goal.met ? "✓" : "✗"}` : "";
    const load = [row.ours?.loadavg1, row.vanilla?.loadavg1].filter((l) => l !== undefined).join("/");
    return [row.metric, format(row.ours), format(row.vanilla), ratio, goalText, load];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
  const show = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  console.log(title);
  console.log(show(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const line of lines) console.log(show(line));
  const notes = rows.filter((row) => row.note);
  if (notes.length > 0) console.log("");
  for (const row of notes) console.log(`${row.metric}: ${row.note}`);
}
