/**
 * Starts a server under test (serverProbe.ts) as a child process and asks it for its memory.
 * Our server gets a fresh data folder, no demo, and an admin from the environment, exactly as an
 * operator would start it; everything is removed on stop().
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ProbeKind, ProbeReply, ProbeRequest } from "./serverProbe.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Our server's first admin (pseudonymous); chairs every audit it creates. */
export const PROBE_ADMIN = { email: "board.bench@bench.invalid", password: "board bench passphrase long enough" };

export interface ServerMemory {
  heapUsedMiB: number;
  rssMiB: number;
  documents: number;
  connections: number;
}

export interface ProbedServer {
  kind: ProbeKind;
  pid: number;
  url: string;
  wsUrl: string;
  /** Collects garbage in the server, then reads its heap, RSS and open documents. */
  measure(): Promise<ServerMemory>;
  /** Documents the server holds open (cheap: no garbage collection). */
  documents(): Promise<number>;
  /** The server's last log lines (for a failed run). */
  tail(): string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

export async function startProbe(kind: ProbeKind): Promise<ProbedServer> {
  const dataDir = kind === "ours" ? await mkdtemp(path.join(tmpdir(), "maca-board-bench-")) : undefined;
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "bench/board/serverProbe.ts", kind], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOST: "127.0.0.1",
      PORT: "0",
      ...(dataDir ? { DATA_DIR: dataDir } : {}),
      MACA_DEMO: "0",
      MACA_ADMIN_EMAIL: PROBE_ADMIN.email,
      MACA_ADMIN_PASSWORD: PROBE_ADMIN.password,
    },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  const lines: string[] = [];
  child.stderr?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (line) lines.push(line);
    lines.splice(0, Math.max(0, lines.length - 30));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    await terminate(child, exited);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      child.on("message", (reply: ProbeReply) => {
        if (reply.type === "ready") {
          clearTimeout(timer);
          resolve(reply.port);
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`exited with code ${code} before it was ready`));
      });
    });
  } catch (error) {
    await stop();
    throw new Error(`${kind} server did not start: ${String(error)}\n${lines.join("\n")}`);
  }

  let nextId = 0;
  const ask = <T>(type: ProbeRequest["type"], read: (reply: ProbeReply) => T | undefined) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      const timer = setTimeout(() => reject(new Error(`the server did not answer "${type}"`)), 10_000);
      const onReply = (reply: ProbeReply) => {
        const value = "id" in reply && reply.id === id ? read(reply) : undefined;
        if (value === undefined) return;
        clearTimeout(timer);
        child.off("message", onReply);
        resolve(value);
      };
      child.on("message", onReply);
      child.send({ type, id } satisfies ProbeRequest);
    });
  const measure = () =>
    ask<ServerMemory>("measure", (reply) =>
      reply.type === "measured"
        ? { heapUsedMiB: reply.heapUsed / 2 ** 20, rssMiB: reply.rss / 2 ** 20, documents: reply.documents, connections: reply.connections }
        : undefined,
    );
  const documents = () => ask<number>("count", (reply) => (reply.type === "counted" ? reply.documents : undefined));

  const url = `http://127.0.0.1:${port}`;
  return {
    kind,
    pid: child.pid ?? -1,
    url,
    wsUrl: kind === "ours" ? `ws://127.0.0.1:${port}/collab` : `ws://127.0.0.1:${port}`,
    measure,
    documents,
    tail: () => lines.join("\n"),
    stop,
  };
}

async function terminate(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const late = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), STOP_TIMEOUT_MS))]);
  if (late) {
    child.kill("SIGKILL");
    await exited;
  }
}
