/**
 * The benchmark's `--probe` files (bench/probe/files.ts): what a round writes is what the report
 * reads back, rounds in the order they ran, each with its own server's stalls and GCs.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { readProbedRounds, writeDeliveries } from "../../bench/probe/files.ts";

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test("deliveries and server events of each round come back together, rounds in the order they ran", async () => {
  dir = await mkdtemp(path.join(tmpdir(), "maca-probe-"));
  // Written out of order (the later round first), from two client threads each.
  await writeDeliveries(
    dir,
    "vanilla",
    202,
    [Float64Array.of(2_000.5), Float64Array.of(2_001.25)],
    [Float64Array.of(3.5), Float64Array.of(40)],
  );
  await writeDeliveries(
    dir,
    "ours",
    101,
    [Float64Array.of(1_000, 1_000.75), new Float64Array(0)],
    [Float64Array.of(1.25, 2), new Float64Array(0)],
  );
  await writeFile(path.join(dir, "server-101.csv"), "stall,1000.5,12.0\ngc4,1001.0,7.5");

  const rounds = await readProbedRounds(dir);

  expect(rounds.map((r) => [r.kind, r.pid])).toEqual([
    ["ours", 101],
    ["vanilla", 202],
  ]);
  expect(rounds[0].deliveries).toEqual([
    { sentAt: 1_000, latencyMs: 1.25 },
    { sentAt: 1_000.75, latencyMs: 2 },
  ]);
  expect(rounds[0].events).toEqual([
    { kind: "stall", at: 1000.5, ms: 12 },
    { kind: "gc4", at: 1001, ms: 7.5 },
  ]);
  expect(rounds[1].deliveries.map((d) => d.latencyMs)).toEqual([3.5, 40]);
  // No server file (a child killed before it wrote one): the round is still read.
  expect(rounds[1].events).toEqual([]);
});
