/**
 * One node or several: what the rest of the server needs to know about the other nodes. Without
 * REDIS_URL there are none and every call is a no-op; with it, RedisLink does the work.
 */
import type { Extension, Hocuspocus } from "@hocuspocus/server";
import type { Store as RateLimitStore } from "express-rate-limit";
import type { Config } from "../config.ts";
import type { Health } from "../health.ts";
import { type ClusterBus, SingleNodeBus } from "./clusterBus.ts";

export interface Cluster {
  readonly bus: ClusterBus;
  /** The Hocuspocus extensions that carry documents and presence between nodes (none on one node). */
  readonly extensions: Extension[];
  /** Gives the cluster the running Hocuspocus (after it is built from `extension`). */
  attach(hocuspocus: Hocuspocus): void;
  /** Asks the other nodes to send what this node's copy of an open document lacks. */
  requestPeerState(documentName: string): Promise<void>;
  /** False while this node cannot reach the others (health and readiness say so too). */
  readonly isConnected: boolean;
  /** Where a rate limiter counts, shared by every node (undefined: in this process's memory). */
  rateLimitStore(name: string): RateLimitStore | undefined;
  /** Called each time the link comes back after an outage (control messages sent meanwhile were lost). */
  onReconnected(listener: () => void): void;
  /** The stateless message a page gets on connecting while the link is down. */
  statusMessage(): string | undefined;
  close(): Promise<void>;
}

class SingleNode implements Cluster {
  readonly bus = new SingleNodeBus();
  readonly extensions = [];
  readonly isConnected = true;
  attach(): void {}
  async requestPeerState(): Promise<void> {}
  rateLimitStore(): undefined {
    return undefined;
  }
  onReconnected(): void {}
  statusMessage(): undefined {
    return undefined;
  }
  async close(): Promise<void> {}
}

export async function openCluster(config: Pick<Config, "redis">, health: Health): Promise<Cluster> {
  if (!config.redis) return new SingleNode();
  // Loaded only with REDIS_URL: ioredis is ~1 MB of heap a single node's major GCs would walk.
  const { RedisLink } = await import("./redisLink.ts");
  return RedisLink.open(config.redis.url, config.redis.prefix, health);
}

export type { ClusterBus } from "./clusterBus.ts";
export type { ClusterEvent, ConnectionSelector } from "./clusterEvents.ts";
