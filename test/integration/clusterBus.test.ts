/**
 * The control channel between nodes, on the real Redis of this machine (a random prefix per run):
 * events reach the other nodes and not the sender, and anything malformed on the channel is
 * dropped without disturbing what follows.
 */
import { randomBytes } from "node:crypto";
import RedisClient from "ioredis";
import { afterAll, expect, test } from "vitest";
import { RedisClusterBus } from "../../server/cluster/clusterBus.ts";
import type { ClusterEvent } from "../../server/cluster/clusterEvents.ts";
import { holdsStateVector } from "../../server/cluster/freezeBarrier.ts";
import { SHARED_REDIS_URL } from "../helpers/clusterNodes.ts";
import { waitFor } from "../helpers/wait.ts";

const prefix = `maca_test_${randomBytes(4).toString("hex")}`;
const clients: RedisClient[] = [];
const client = () => {
  const redis = new RedisClient(SHARED_REDIS_URL);
  clients.push(redis);
  return redis;
};

afterAll(() => {
  for (const redis of clients) redis.disconnect();
});

test("events reach the other nodes, not the sender; malformed messages are dropped", async () => {
  const a = new RedisClusterBus(client(), client(), prefix);
  const b = new RedisClusterBus(client(), client(), prefix);
  const seenByA: ClusterEvent[] = [];
  const seenByB: ClusterEvent[] = [];
  a.subscribe((event) => seenByA.push(event));
  b.subscribe((event) => seenByB.push(event));
  // Both subscriptions are live once a publish reaches one other listener.
  await waitFor(async () => (await a.publish({ type: "reopen", auditId: "warm-up" })) >= 1, 5_000, "both nodes to subscribe");
  await waitFor(() => seenByB.length >= 1, 5_000, "the warm-up to arrive");
  seenByB.length = 0;

  const raw = client();
  const channel = `${prefix}#control`;
  for (const junk of ["not json", "{}", JSON.stringify({ node: "x", event: { type: "membership", auditId: "" } }), "[1,2]"]) {
    await raw.publish(channel, junk);
  }
  await raw.publish(channel, JSON.stringify({ node: "x", event: { type: "close-connections", selector: { userId: 42 } } }));
  const selector = { sessionIdHashes: ["h1", "h2"] };
  expect(await a.publish({ type: "close-connections", selector })).toBe(1);
  await waitFor(() => seenByB.length >= 1, 5_000, "node B to hear node A");
  expect(seenByB).toEqual([{ type: "close-connections", selector }]);
  expect(seenByA.filter((e) => e.type === "close-connections")).toEqual([]);
});

test("a state vector holds another when it has at least every clock of it", () => {
  const held = new Map([
    [1, 10],
    [2, 5],
  ]);
  expect(holdsStateVector(held, new Map([[1, 10]]))).toBe(true);
  expect(holdsStateVector(held, new Map([[1, 11]]))).toBe(false);
  expect(holdsStateVector(held, new Map([[3, 1]]))).toBe(false);
  expect(holdsStateVector(held, new Map())).toBe(true);
});
