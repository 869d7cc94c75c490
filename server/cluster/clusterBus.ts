/**
 * The control channel between server nodes. Without Redis there is one node and nothing to tell;
 * with Redis every node publishes on one channel and handles what the others publish.
 */
import { randomUUID } from "node:crypto";
import type RedisClient from "ioredis";
import { log } from "../log.ts";
import { type ClusterEvent, ClusterMessage } from "./clusterEvents.ts";

export interface ClusterBus {
  /** This process's id among the nodes. */
  readonly node: string;
  /** Tells every other node; resolves with how many other nodes were listening (0 on one node). */
  publish(event: ClusterEvent): Promise<number>;
  /** Handles what other nodes publish (never this node's own events). */
  subscribe(handler: (event: ClusterEvent, from: string) => void): void;
  /** The other nodes alive right now (each says so every few seconds). */
  otherNodes(): Promise<string[]>;
  close(): Promise<void>;
}

/** A node that has not said it is alive for this long is taken for gone. */
const ALIVE_FOR_MS = 6_000;
const HEARTBEAT_MS = 2_000;

/** One node alone: nothing to tell anyone. */
export class SingleNodeBus implements ClusterBus {
  readonly node = `node-${randomUUID()}`;
  async publish(): Promise<number> {
    return 0;
  }
  subscribe(): void {}
  async otherNodes(): Promise<string[]> {
    return [];
  }
  async close(): Promise<void> {}
}

export class RedisClusterBus implements ClusterBus {
  readonly node = `node-${randomUUID()}`;
  private readonly handlers: Array<(event: ClusterEvent, from: string) => void> = [];
  private readonly channel: string;
  private readonly nodesKey: string;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly pub: RedisClient,
    private readonly sub: RedisClient,
    prefix: string,
  ) {
    this.channel = `${prefix}#control`;
    this.nodesKey = `${prefix}:nodes`;
    this.heartbeat = setInterval(() => void this.sayAlive(), HEARTBEAT_MS);
    this.heartbeat.unref();
    void this.sayAlive();
    sub.on("message", (channel: string, raw: string) => {
      if (channel === this.channel) this.receive(raw);
    });
    sub.subscribe(this.channel).catch((error: unknown) => log.error("cluster: could not subscribe", { error: String(error) }));
  }

  async publish(event: ClusterEvent): Promise<number> {
    const listening = await this.pub.publish(this.channel, JSON.stringify({ node: this.node, event }));
    // This node's own subscription counts too.
    return Math.max(0, listening - 1);
  }

  subscribe(handler: (event: ClusterEvent, from: string) => void): void {
    this.handlers.push(handler);
  }

  async otherNodes(): Promise<string[]> {
    const now = Date.now();
    await this.pub.zremrangebyscore(this.nodesKey, "-inf", now);
    return (await this.pub.zrangebyscore(this.nodesKey, now, "+inf")).filter((node) => node !== this.node);
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    // A command to an unreachable Redis would wait for it: only say goodbye while connected.
    if (this.pub.status === "ready") await this.pub.zrem(this.nodesKey, this.node).catch(() => {});
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private async sayAlive(): Promise<void> {
    // Only while subscribed: a node that cannot hear the channel must not be counted on to answer.
    if (this.sub.status !== "ready") return;
    await this.pub.zadd(this.nodesKey, Date.now() + ALIVE_FOR_MS, this.node).catch(() => {});
  }

  private receive(raw: string): void {
    let parsed: ReturnType<typeof ClusterMessage.safeParse>;
    try {
      parsed = ClusterMessage.safeParse(JSON.parse(raw));
    } catch {
      log.warn("cluster: dropped a control message that is not JSON");
      return;
    }
    if (!parsed.success) {
      log.warn("cluster: dropped a malformed control message", { problem: parsed.error.issues[0]?.message });
      return;
    }
    const { node, event } = parsed.data;
    if (node === this.node) return;
    for (const handler of this.handlers) {
      try {
        handler(event, node);
      } catch (error) {
        log.error("cluster: handling a control message failed", { type: event.type, error: String(error) });
      }
    }
  }
}
