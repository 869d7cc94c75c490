/**
 * What a loaded board costs in memory.
 *  - Schemas, in a child process with --expose-gc (heapProbe.ts): heap per board loaded the way
 *    the server loads it, for the current schema and candidate schemas, with the count of Yjs
 *    shared types per card (each type costs a JS object, a Map, two event handlers and an item).
 *  - Servers: heapUsed (after gc) and RSS of the real server processes (probe.ts) with nothing
 *    loaded, with N boards open (one client each) and after everyone left, and how long the
 *    server took to unload them (document count back to 0).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SchemaFootprint } from "./heapProbe.ts";
import type { ServerMemory } from "./probe.ts";
import { type Figure, figure, loadAvg1, progress } from "./stats.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export async function measureSchemaFootprints(copies = 5): Promise<(SchemaFootprint & { loadavg1: number })[]> {
  progress(`memory: heap per board for each schema (${copies} copies each, child process with --expose-gc)`);
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "bench/board/heapProbe.ts", String(copies)], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`heapProbe exited with ${code}: ${err.slice(-2000)}`);
  return (JSON.parse(out.trim().split("\n").pop() ?? "[]") as SchemaFootprint[]).map((f) => ({ ...f, loadavg1: loadAvg1() }));
}

export interface ServerFootprint {
  boards: number;
  idle: ServerMemory;
  open: ServerMemory;
  afterLeaving: ServerMemory;
  heapPerBoard: Figure;
  rssPerBoard: Figure;
  /** From the last client leaving until the server held no document. */
  unloadMs: Figure;
}

/** Per-board cost from the server's memory with nothing loaded, with `boards` open, and after everyone left. */
export function serverFootprint(
  boards: number,
  idle: ServerMemory,
  open: ServerMemory,
  afterLeaving: ServerMemory,
  unloadMs: number,
): ServerFootprint {
  return {
    boards,
    idle,
    open,
    afterLeaving,
    heapPerBoard: figure((open.heapUsedMiB - idle.heapUsedMiB) / boards, "MiB"),
    rssPerBoard: figure((open.rssMiB - idle.rssMiB) / boards, "MiB"),
    unloadMs: figure(unloadMs, "ms"),
  };
}
