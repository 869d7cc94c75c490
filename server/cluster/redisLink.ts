/**
 * Several nodes behind a load balancer share documents, presence and access changes through
 * Redis: Hocuspocus's Redis extension carries each document's updates and awareness between the
 * nodes that have it open, and the ClusterBus carries access changes. This file owns the Redis
 * connections and what happens when they drop and come back:
 * - while Redis is unreachable every node keeps serving (edits are durable in the shared store),
 *   health says degraded and each page is told its view of other nodes' edits is paused;
 * - when it is back, each open document publishes its state vector (peers answer with what it
 *   lacks and ask for what they lack) and asks for presence, since pub/sub kept nothing meanwhile.
 */

import { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import type { Document, Extension, Hocuspocus } from "@hocuspocus/server";
import type { Store as RateLimitStore } from "express-rate-limit";
import RedisClient, { type RedisOptions } from "ioredis";
import { RedisStore } from "rate-limit-redis";
import type { ClusterLinkMessage } from "../../shared/domain/liveAccess.ts";
import type { Health } from "../health.ts";
import { log } from "../log.ts";
import { RedisClusterBus } from "./clusterBus.ts";
import type { Cluster } from "./index.ts";
import { presenceLeftExtension } from "./presenceLeft.ts";

const HEALTH_PART = "redis";
/** A node that cannot reach Redis at start does not start: it would serve a split view. */
const START_TIMEOUT_MS = 10_000;

/** The extension's own (private) way to announce a document to its peers; we reuse it after an outage. */
interface ExtensionInternals {
  publishFirstSyncStep(documentName: string, document: Document): Promise<unknown>;
  requestAwarenessFromOtherInstances(documentName: string): Promise<unknown>;
}

export class RedisLink implements Cluster {
  private readonly extension: RedisExtension;
  readonly extensions: Extension[];
  readonly bus: RedisClusterBus;
  private readonly clients: RedisClient[] = [];
  /** For plain commands (rate limits); the others are in subscriber mode. */
  private readonly commands: RedisClient;
  private connected = true;
  private hocuspocus: Hocuspocus | undefined;
  private readonly reconnectListeners: Array<() => void> = [];
  private readonly prefix: string;

  private constructor(
    url: string,
    prefix: string,
    private readonly health: Health,
  ) {
    const client = (options: RedisOptions = {}) => {
      // Publishes wait through an outage instead of failing after a few retries; reconnects back off to 1 s.
      const redis = new RedisClient(url, {
        maxRetriesPerRequest: null,
        retryStrategy: (times) => Math.min(times * 100, 1_000),
        ...options,
      });
      redis.on("error", () => {}); // reported once through the status below, not per retry
      this.clients.push(redis);
      return redis;
    };
    this.extension = new RedisExtension({
      createClient: () => client(),
      prefix: `${prefix}:doc`,
      // Unload and REST stores wait this long for last syncs; the shared store makes them safe anyway.
      disconnectDelay: 250,
    });
    // Below every extension of ours, so our log runs first in every hook (and the store lock's
    // "another node is storing" skip never skips our durability wait).
    this.extension.priority = 10;
    this.bus = new RedisClusterBus(client(), client(), prefix);
    // Rate-limit counts fail at once during an outage (the limiter then lets the request through)
    // rather than hold a sign-in until Redis is back.
    this.commands = client({ maxRetriesPerRequest: 0, enableOfflineQueue: false });
    this.extensions = [this.extension, presenceLeftExtension(this.bus, () => this.hocuspocus)];
    this.prefix = prefix;
    for (const redis of this.clients) {
      redis.on("close", () => this.update());
      redis.on("ready", () => this.update());
    }
  }

  static async open(url: string, prefix: string, health: Health): Promise<RedisLink> {
    const link = new RedisLink(url, prefix, health);
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!link.clients.every((c) => c.status === "ready")) {
      if (Date.now() > deadline) {
        await link.close();
        throw new Error(`Redis at REDIS_URL is not reachable (waited ${START_TIMEOUT_MS / 1000} s)`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return link;
  }

  /** Where documents live, for the resync after an outage and for telling pages. */
  attach(hocuspocus: Hocuspocus): void {
    this.hocuspocus = hocuspocus;
  }

  /** Whether every Redis connection is up right now. */
  get isConnected(): boolean {
    return this.connected;
  }

  async requestPeerState(documentName: string): Promise<void> {
    const document = this.hocuspocus?.documents.get(documentName);
    if (document) await (this.extension as unknown as ExtensionInternals).publishFirstSyncStep(documentName, document);
  }

  rateLimitStore(name: string): RateLimitStore {
    return new RedisStore({
      prefix: `${this.prefix}:rate:${name}:`,
      sendCommand: (command: string, ...args: string[]) => this.commands.call(command, ...args) as Promise<number>,
    });
  }

  onReconnected(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  /** The message a page gets on connecting while the link is down (none while it is up). */
  statusMessage(): string | undefined {
    return this.connected ? undefined : linkMessage(false);
  }

  async close(): Promise<void> {
    await this.extension.onDestroy().catch(() => {});
    await this.bus.close();
    for (const redis of this.clients) redis.disconnect();
  }

  private update(): void {
    const connected = this.clients.every((c) => c.status === "ready");
    if (connected === this.connected) return;
    this.connected = connected;
    if (!connected) {
      this.health.degraded(HEALTH_PART, "Redis is unreachable: other nodes' edits and presence are paused");
    } else {
      this.health.recovered(HEALTH_PART);
      this.resync().catch((error: unknown) => log.error("redis: resync after reconnecting failed", { error: String(error) }));
      for (const listener of this.reconnectListeners) listener();
    }
    this.tellPages(linkMessage(connected));
  }

  private async resync(): Promise<void> {
    const internals = this.extension as unknown as ExtensionInternals;
    for (const [name, document] of this.hocuspocus?.documents ?? []) {
      await Promise.all([internals.publishFirstSyncStep(name, document), internals.requestAwarenessFromOtherInstances(name)]);
    }
    log.info("redis: open documents resynced with the other nodes", { documents: this.hocuspocus?.documents.size ?? 0 });
  }

  /** Straight to this node's connections: a broadcast would go through Redis to other nodes' pages. */
  private tellPages(payload: string): void {
    for (const document of this.hocuspocus?.documents.values() ?? []) {
      for (const connection of document.getConnections()) connection.sendStateless(payload);
    }
  }
}

function linkMessage(connected: boolean): string {
  const message: ClusterLinkMessage = { type: "cluster-link", connected };
  return JSON.stringify(message);
}
