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
  close(): Promise<void>;
}

/** One node alone: nothing to tell anyone. */
export class SingleNodeBus implements ClusterBus {
  readonly node = `node-${randomUUID()}`;
  async publish(): Promise<number> {
    return 0;
  }
  subscribe(): void {}
  async close(): Promise<void> {}
}

export class RedisClusterBus implements ClusterBus {
  readonly node = `node-${randomUUID()}`;
  private readonly handlers: Array<(event: ClusterEvent, from: string) => void> = [];
  private readonly channel: string;

  constructor(
    private readonly pub: RedisClient,
    private readonly sub: RedisClient,
    prefix: string,
  ) {
    this.channel = `${prefix}#control`;
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

  async close(): Promise<void> {
    this.pub.disconnect();
    this.sub.disconnect();
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
