/**
 * `npm run bench:heap -- DIR`: reads the allocation profiles `npm run bench -- --heap-sample DIR`
 * wrote (one per server child and edit round, over its measured window) and prints, per side,
 * the bytes allocated a round (mean of its rounds) by package or file and by function, with the
 * largest differences between ours and vanilla first: where our server's extra garbage (and so
 * its extra scavenges) comes from.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { ServerKind } from "../lib/childServer.ts";
import { allocatedBy, type CallFrame, type ProfileNode, siteOf, whereOf } from "./heapProfile.ts";

/** Rows shown per table. */
const SHOWN = 20;

/** The mean over rounds of each key's bytes. */
function meanOf(maps: Map<string, number>[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const map of maps) for (const [key, bytes] of map) sums.set(key, (sums.get(key) ?? 0) + bytes / maps.length);
  return sums;
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1).padStart(8);

function printComparison(title: string, ours: Map<string, number>, vanilla: Map<string, number>): void {
  const keys = [...new Set([...ours.keys(), ...vanilla.keys()])];
  const difference = (key: string) => (ours.get(key) ?? 0) - (vanilla.get(key) ?? 0);
  keys.sort((a, b) => Math.abs(difference(b)) - Math.abs(difference(a)));
  console.log(
    `\n${title} (MB a round; largest differences first)\n${"ours".padStart(8)} ${"vanilla".padStart(8)} ${"ours−van".padStart(8)}`,
  );
  for (const key of keys.slice(0, SHOWN)) {
    console.log(`${mb(ours.get(key) ?? 0)} ${mb(vanilla.get(key) ?? 0)} ${mb(difference(key)).replace(/ (\d)/, "+$1")}  ${key}`);
  }
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: npm run bench:heap -- DIR (a folder written by npm run bench -- --heap-sample DIR)");
  const heads: Record<ServerKind, ProfileNode[]> = { ours: [], vanilla: [] };
  for (const name of (await readdir(dir)).sort()) {
    const match = name.match(/^heap-(ours|vanilla)-\d+\.heapprofile$/);
    if (!match) continue;
    const profile = JSON.parse(await readFile(path.join(dir, name), "utf8")) as { head: ProfileNode };
    heads[match[1] as ServerKind].push(profile.head);
  }
  if (heads.ours.length === 0 || heads.vanilla.length === 0)
    throw new Error(`${dir} needs profiles of both sides (heap-ours-*, heap-vanilla-*)`);
  const by = (kind: ServerKind, keyOf: (frame: CallFrame) => string) => meanOf(heads[kind].map((head) => allocatedBy(head, keyOf)));
  const where = { ours: by("ours", whereOf), vanilla: by("vanilla", whereOf) };
  const total = (kind: ServerKind) => [...where[kind].values()].reduce((sum, bytes) => sum + bytes, 0);
  for (const kind of ["ours", "vanilla"] as const) {
    console.log(`${kind}: ${heads[kind].length} rounds, ${(total(kind) / 1e6).toFixed(0)} MB allocated a round (sampled)`);
  }
  console.log(`ours / vanilla: ${(total("ours") / total("vanilla")).toFixed(2)}×`);
  printComparison("By package or file", where.ours, where.vanilla);
  printComparison("By function", by("ours", siteOf), by("vanilla", siteOf));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
