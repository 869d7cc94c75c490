/**
 * The server under test as the scenarios see it: vanilla Hocuspocus, or our server on lowdb or on a
 * fresh PostgreSQL database, as one node or as several nodes sharing that database and a Redis
 * prefix of their own. Everything made for a run (folders, database, Redis keys) goes with stop().
 */
import { type BenchDatabase, createBenchDatabase } from "./benchDatabase.ts";
import { BENCH_REDIS_URL, benchRedisPrefix, redisServerPid, removeRedisKeys } from "./benchRedis.ts";
import { type ChildServer, type ServerKind, type StartOptions, startServer } from "./childServer.ts";
import { type GcTally, sumGc } from "./gcTrace.ts";
import type { Settings, StoreKind } from "./settings.ts";

export interface Topology {
  /** Our server processes (vanilla: always 1). */
  nodes: number;
  /** Run our nodes with REDIS_URL (several nodes need it). */
  redis: boolean;
  /** Our store; the run's --store when left out. */
  store?: StoreKind;
}

export interface HelperPids {
  store: number[];
  /** The whole Redis server (shared with whoever else uses it; idle otherwise). */
  redis: number[];
}

const NO_HELPERS: HelperPids = { store: [], redis: [] };

export const SINGLE_NODE: Topology = { nodes: 1, redis: false };

export interface Deployment {
  kind: ServerKind;
  store: StoreKind | "memory";
  /** Node 0 first; set-up (accounts, audits, boards) goes through it. */
  nodes: ChildServer[];
  pids: number[];
  /** Processes working for the nodes whose CPU is counted apart: our database's PostgreSQL backends, the Redis server. */
  helperPids(): Promise<HelperPids>;
  logCounts(): { warn: number; error: number; problems: string[] };
  /** Every node's garbage collections since the last call, together (with --trace-gc). */
  takeGc(): GcTally;
  tail(): string;
  stop(): Promise<void>;
}

/** What every server child of a run is started with (profiles, GC trace, probe), ours or vanilla. */
function childOptions({ cpuProfileDir, traceGc, probeDir, heapSampleDir }: Settings): StartOptions {
  return { cpuProfileDir, traceGc, probeDir, heapSampleDir };
}

export async function startDeployment(kind: ServerKind, settings: Settings, topology: Topology = SINGLE_NODE): Promise<Deployment> {
  if (kind === "vanilla") {
    if (topology.nodes !== 1 || topology.redis) throw new Error("vanilla Hocuspocus runs as one plain node");
    const server = await startServer(kind, childOptions(settings));
    return wrap(kind, "memory", [server], async () => NO_HELPERS, server.stop);
  }
  const store = topology.store ?? settings.store;
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    // Nodes first (they flush to the database), then the database and Redis keys.
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  };
  const env: Record<string, string> = { ...settings.serverEnv };
  let database: BenchDatabase | undefined;
  try {
    if (store === "postgres") {
      database = await createBenchDatabase();
      cleanups.push(database.drop);
      Object.assign(env, { STORE: "postgres", DATABASE_URL: database.url });
    }
    if (topology.redis) {
      const prefix = benchRedisPrefix();
      cleanups.push(() => removeRedisKeys(prefix));
      Object.assign(env, { REDIS_URL: BENCH_REDIS_URL, REDIS_PREFIX: prefix });
    }
    const nodes: ChildServer[] = [];
    // One after the other: the first applies the migrations and creates the bench admin.
    for (let n = 0; n < topology.nodes; n++) {
      const node = await startServer(kind, { ...childOptions(settings), env });
      nodes.push(node);
      cleanups.push(node.stop);
    }
    const made = database;
    const helperPids = async (): Promise<HelperPids> => {
      const redisPid = topology.redis ? await redisServerPid() : undefined;
      return { store: made ? await made.backendPids() : [], redis: redisPid ? [redisPid] : [] };
    };
    return wrap(kind, store, nodes, helperPids, cleanup);
  } catch (error) {
    await cleanup();
    throw error;
  }
}

function wrap(
  kind: ServerKind,
  store: Deployment["store"],
  nodes: ChildServer[],
  helperPids: () => Promise<HelperPids>,
  stop: () => Promise<void>,
): Deployment {
  let stopping: Promise<void> | undefined;
  return {
    kind,
    store,
    nodes,
    pids: nodes.map((node) => node.pid),
    helperPids,
    logCounts: () => ({
      warn: nodes.reduce((n, node) => n + node.logCounts.warn, 0),
      error: nodes.reduce((n, node) => n + node.logCounts.error, 0),
      problems: nodes.flatMap((node) => node.problems),
    }),
    takeGc: () => sumGc(nodes.map((node) => node.takeGc())),
    tail: () => nodes.map((node, n) => (nodes.length > 1 ? `--- node ${n} ---\n${node.tail()}` : node.tail())).join("\n"),
    stop: () => {
      stopping ??= stop();
      return stopping;
    },
  };
}
