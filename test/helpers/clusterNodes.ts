/**
 * Several real server nodes (child processes) on one PostgreSQL database and one Redis prefix,
 * as behind a load balancer. Each test run gets its own database and a random prefix, so runs
 * never see each other's documents, channels or rate-limit counters.
 */
import { randomBytes } from "node:crypto";
import { type ChildServer, startChildServer } from "./childServer.ts";
import { createTestDatabase, type TestDatabase } from "./postgres.ts";

/** The Redis the tests share (random prefixes keep runs apart). */
export const SHARED_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export interface ClusterNodes {
  readonly nodes: ChildServer[];
  readonly database: TestDatabase;
  readonly redisPrefix: string;
  /** Stops every node still running and drops the database. */
  cleanup(): Promise<void>;
}

export interface ClusterOptions {
  count?: number;
  redisUrl?: string;
  /** Extra environment for every node. */
  env?: Record<string, string>;
}

export async function startClusterNodes(options: ClusterOptions = {}): Promise<ClusterNodes> {
  const database = await createTestDatabase();
  const redisPrefix = `maca-test-${randomBytes(6).toString("hex")}`;
  const env = {
    STORE: "postgres",
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: "4",
    REDIS_URL: options.redisUrl ?? SHARED_REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    ...options.env,
  };
  const nodes: ChildServer[] = [];
  const cleanup = async () => {
    await Promise.all(nodes.map((node) => node.cleanup()));
    await database.drop();
  };
  try {
    // One after the other: the first runs the migrations, the others find them done.
    for (let i = 0; i < (options.count ?? 2); i += 1) nodes.push(await startChildServer({ env, startTimeoutMs: 45_000 }));
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { nodes, database, redisPrefix, cleanup };
}
