/**
 * A Redis key prefix of its own for one run of our nodes (REDIS_PREFIX), and the removal of
 * whatever they left under it (rate-limit counters, document locks) afterwards.
 */
import { randomBytes } from "node:crypto";
import RedisClient from "ioredis";

export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

export function benchRedisPrefix(): string {
  return `maca-bench-${randomBytes(6).toString("hex")}`;
}

/** The Redis server's process id (it runs on this machine), whose CPU the nodes' traffic costs. */
export async function redisServerPid(): Promise<number | undefined> {
  const redis = new RedisClient(BENCH_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  try {
    await redis.connect();
    const match = /^process_id:(\d+)/m.exec(await redis.info("server"));
    return match ? Number(match[1]) : undefined;
  } finally {
    redis.disconnect();
  }
}

export async function removeRedisKeys(prefix: string): Promise<void> {
  const redis = new RedisClient(BENCH_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  try {
    await redis.connect();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
