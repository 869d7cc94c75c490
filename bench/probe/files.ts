/**
 * The files `--probe DIR` writes: per round, each delivery's send time and latency
 * (`deliveries-<ours|vanilla>-<server pid>.csv`), and per server child its event-loop stalls and
 * GCs (`server-<pid>.csv`, written by bench/lib/loopProbe.ts). All times are epoch ms.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ServerKind } from "../lib/childServer.ts";
import { serverEventsName } from "../lib/loopProbe.ts";

export interface Delivery {
  sentAt: number;
  latencyMs: number;
}

export interface ServerEvent {
  /** "stall", or "gc1" (scavenge), "gc4" (mark-compact), "gc8" (incremental marking)... */
  kind: string;
  at: number;
  ms: number;
}

export interface ProbedRound {
  kind: ServerKind;
  pid: number;
  deliveries: Delivery[];
  events: ServerEvent[];
}

/** One round's deliveries, from the fleet's per-part arrays (parts are the client threads). */
export async function writeDeliveries(
  dir: string,
  kind: ServerKind,
  pid: number,
  sentAts: Float64Array[],
  latencies: Float64Array[],
): Promise<void> {
  const lines: string[] = [];
  sentAts.forEach((part, p) => {
    for (let i = 0; i < part.length; i++) lines.push(`${part[i].toFixed(2)},${latencies[p][i].toFixed(2)}`);
  });
  await writeFile(path.join(dir, `deliveries-${kind}-${pid}.csv`), lines.join("\n"));
}

/** Every probed round in the folder, in the order they ran. */
export async function readProbedRounds(dir: string): Promise<ProbedRound[]> {
  const rounds: ProbedRound[] = [];
  for (const name of await readdir(dir)) {
    const match = /^deliveries-(ours|vanilla)-(\d+)\.csv$/.exec(name);
    if (!match) continue;
    const pid = Number(match[2]);
    const deliveries = (await readFile(path.join(dir, name), "utf8"))
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [sentAt, latencyMs] = line.split(",").map(Number);
        return { sentAt, latencyMs };
      });
    const serverFile = await readFile(path.join(dir, serverEventsName(pid)), "utf8").catch(() => "");
    const events = serverFile
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [kind, at, ms] = line.split(",");
        return { kind, at: Number(at), ms: Number(ms) };
      });
    if (deliveries.length > 0) rounds.push({ kind: match[1] as ServerKind, pid, deliveries, events });
  }
  return rounds.sort((a, b) => a.deliveries[0].sentAt - b.deliveries[0].sentAt);
}
