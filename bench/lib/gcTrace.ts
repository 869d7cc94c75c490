/**
 * The garbage collections of a server child started with `node --trace-gc-nvp` (the benchmark's
 * `--trace-gc`), tallied from the name=value lines V8 prints on its stdout. The slowest deliveries
 * of a round often come with GC stops (README, Performance), so the table can show how often
 * each side stopped, for how long, and how much it allocated to make it stop.
 */

export interface GcTally {
  scavenges: number;
  /** Main-thread time in scavenges (ms). */
  scavengeMs: number;
  markCompacts: number;
  /** Main-thread time of the mark-compacts' final pauses (ms). */
  markCompactMs: number;
  /** The longest single stop: a pause, or one incremental marking step. */
  longestMs: number;
  /** Bytes allocated on the V8 heap (each GC reports what was allocated since the one before). */
  allocatedBytes: number;
  /** Bytes moved from the young to the old generation: what makes mark-compacts come. */
  promotedBytes: number;
}

export const emptyGcTally = (): GcTally => ({
  scavenges: 0,
  scavengeMs: 0,
  markCompacts: 0,
  markCompactMs: 0,
  longestMs: 0,
  allocatedBytes: 0,
  promotedBytes: 0,
});

/** "[pid:0x..]  1234 ms: pause=1.1 mutator=17.3 gc=s ... allocated=3960536 promoted=0 ..." */
export function isGcTraceLine(line: string): boolean {
  return line.startsWith("[") && line.includes(" ms: pause=");
}

/** V8 prints byte counts as unsigned: a heap that shrank between two GCs shows as ~2^64. */
const IMPLAUSIBLE = 2 ** 40;

function field(line: string, name: string): number {
  const match = new RegExp(` ${name}=([\\d.]+)`).exec(line);
  const value = match ? Number(match[1]) : 0;
  return value < IMPLAUSIBLE ? value : 0;
}

/** Adds one --trace-gc-nvp line to `tally`. */
export function countGcLine(tally: GcTally, line: string): void {
  const kind = / gc=(\w+)/.exec(line)?.[1];
  const pauseMs = field(line, "pause");
  tally.longestMs = Math.max(tally.longestMs, pauseMs, field(line, "incremental_longest_step"));
  tally.allocatedBytes += field(line, "allocated");
  tally.promotedBytes += field(line, "promoted");
  if (kind === "s") {
    tally.scavenges += 1;
    tally.scavengeMs += pauseMs;
  } else if (kind === "mc") {
    tally.markCompacts += 1;
    tally.markCompactMs += pauseMs;
  }
}

export function sumGc(tallies: GcTally[]): GcTally {
  return tallies.reduce(
    (sum, t) => ({
      scavenges: sum.scavenges + t.scavenges,
      scavengeMs: sum.scavengeMs + t.scavengeMs,
      markCompacts: sum.markCompacts + t.markCompacts,
      markCompactMs: sum.markCompactMs + t.markCompactMs,
      longestMs: Math.max(sum.longestMs, t.longestMs),
      allocatedBytes: sum.allocatedBytes + t.allocatedBytes,
      promotedBytes: sum.promotedBytes + t.promotedBytes,
    }),
    emptyGcTally(),
  );
}
