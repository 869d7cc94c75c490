/**
 * `npm run bench:probe -- DIR`: reads what `npm run bench -- --probe DIR` wrote and prints, round
 * by round, each side's p99, its server's event-loop stalls and GCs, and the moments the slowest
 * 1 % of deliveries came in (100 ms bins) with what the server did around them. It answers
 * "what sets this round's p99?", which the p99 alone cannot.
 */
import { median } from "../latency/runs.ts";
import { summarize } from "../lib/stats.ts";
import { type ProbedRound, readProbedRounds, type ServerEvent } from "./files.ts";

const BIN_MS = 100;
/** Bins shown per round: the ones holding most of its slowest deliveries. */
const BINS_SHOWN = 5;
/** Server events shown around a bin, from this long before it to this long after. */
const AROUND_MS = 150;
/** A stall this close to a mark-compact is counted as that major GC's. */
const NEAR_MAJOR_MS = 200;

const ms = (value: number) => value.toFixed(1);

function describe(round: ProbedRound) {
  const { p50, p99, max } = summarize([Float64Array.from(round.deliveries, (d) => d.latencyMs)]);
  const start = round.deliveries.reduce((min, d) => Math.min(min, d.sentAt), Infinity);
  const end = round.deliveries.reduce((max, d) => Math.max(max, d.sentAt), -Infinity);
  const events = round.events.filter((e) => e.at >= start - AROUND_MS && e.at <= end + AROUND_MS);
  const slowBins = new Map<number, number>();
  for (const d of round.deliveries) {
    if (d.latencyMs < p99) continue;
    const bin = Math.floor((d.sentAt - start) / BIN_MS);
    slowBins.set(bin, (slowBins.get(bin) ?? 0) + 1);
  }
  const majors = events.filter((e) => e.kind === "gc4");
  const stalls = events.filter((e) => e.kind === "stall");
  const nearMajor = stalls.filter((s) => majors.some((m) => Math.abs(s.at - m.at) <= NEAR_MAJOR_MS));
  return { p50, p99, max, start, events, slowBins, majors, nearMajor };
}

function tally(events: ServerEvent[], kind: string): string {
  const of = events.filter((e) => e.kind === kind);
  return `${of.length}/${ms(of.reduce((sum, e) => sum + e.ms, 0))} ms`;
}

export async function printProbeReport(dir: string): Promise<void> {
  const rounds = await readProbedRounds(dir);
  if (rounds.length === 0) throw new Error(`no probed rounds in ${dir} (run npm run bench -- --probe ${dir})`);
  const bySide = new Map<string, { p99: number[]; stallMsPerMajor: number[] }>();
  for (const round of rounds) {
    const r = describe(round);
    console.log(
      `\n${round.kind} (pid ${round.pid}): ${round.deliveries.length} deliveries, p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms, max ${ms(r.max)} ms` +
        ` | stalls ${tally(r.events, "stall")}, scavenges ${tally(r.events, "gc1")}, marking steps ${tally(r.events, "gc8")}, mark-compacts ${tally(r.events, "gc4")}`,
    );
    const top = [...r.slowBins].sort((a, b) => b[1] - a[1]).slice(0, BINS_SHOWN);
    for (const [bin, count] of top.sort((a, b) => a[0] - b[0])) {
      const from = r.start + bin * BIN_MS;
      const around = r.events
        .filter((e) => e.at >= from - AROUND_MS && e.at <= from + BIN_MS + AROUND_MS)
        .map((e) => `${e.kind}@${(e.at - from).toFixed(0)}:${e.ms.toFixed(0)}`);
      console.log(`  ${((bin * BIN_MS) / 1000).toFixed(1).padStart(5)} s: ${String(count).padStart(4)} slow  ${around.join(" ")}`);
    }
    const side = bySide.get(round.kind) ?? { p99: [], stallMsPerMajor: [] };
    side.p99.push(r.p99);
    if (r.majors.length > 0) side.stallMsPerMajor.push(r.nearMajor.reduce((sum, s) => sum + s.ms, 0) / r.majors.length);
    bySide.set(round.kind, side);
  }
  console.log("\nSide      rounds  median p99 (ms)  stall ms within 200 ms of a mark-compact, per mark-compact (median of rounds)");
  for (const [kind, side] of bySide) {
    console.log(
      `${kind.padEnd(8)}  ${String(side.p99.length).padStart(6)}  ${ms(median(side.p99)).padStart(15)}  ${ms(median(side.stallMsPerMajor))}`,
    );
  }
}

const dir = process.argv[2];
if (!dir) {
  console.error("usage: npm run bench:probe -- DIR   (a folder written by npm run bench -- --probe DIR)");
  process.exit(2);
}
await printProbeReport(dir);
