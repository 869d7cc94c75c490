/**
 * The convergence fuzz from the command line:
 *   npm run fuzz -- --seeds N [--start S] [--ops K]   runs seeds S .. S+N-1 (default: 50 seeds from 1)
 *   npm run fuzz -- --seed S [--ops K]                replays one seed
 * Stops at the first failing seed and prints the command that replays it.
 */
import { AssertionError } from "node:assert";
import { parseArgs } from "node:util";

// The in-process server logs only errors under tests; keep it as quiet here (set MACA_LOG to see more).
process.env.NODE_ENV ??= "test";
const { DEFAULT_OPS, replayCommand, runSeed } = await import("./runSeed.ts");

const { values } = parseArgs({
  options: {
    seeds: { type: "string" },
    start: { type: "string" },
    seed: { type: "string" },
    ops: { type: "string" },
  },
});

function count(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, not '${text}'`);
  return value;
}

const ops = count("ops", values.ops, DEFAULT_OPS);
const first = count("seed", values.seed, count("start", values.start, 1));
const seeds = values.seed === undefined ? count("seeds", values.seeds, 50) : 1;

const started = Date.now();
for (let seed = first; seed < first + seeds; seed++) {
  try {
    const r = await runSeed(seed, ops);
    console.log(
      `seed ${r.seed}: ok in ${r.ms} ms: ${r.clients} clients, ${r.applied}/${r.ops} ops applied, ${r.drops} drops, ` +
        `${r.offlineEdits} offline edits, ` +
        `${r.cases} cases, ${r.cards} cards at the end`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    // Where an unexpected error came from (an assertion's message already says what differed).
    const cause = error instanceof Error ? error.cause : undefined;
    if (cause instanceof Error && !(cause instanceof AssertionError)) console.error(cause.stack);
    console.error(`\nFAILED: seed ${seed}. Replay it with:\n  ${replayCommand(seed, ops)}`);
    process.exit(1);
  }
}
console.log(`${seeds} seed(s) from ${first} converged (${ops} ops each) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(0);
