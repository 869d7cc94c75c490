/**
 * Two nodes on their own redis-server, for tests that take Redis away for a few seconds: outage()
 * kills it and waits until both nodes report degraded health, restore() starts a new one on the
 * same port and waits until both are healthy again.
 */
import { addCaseOk, api, createAuditOk } from "./api.ts";
import type { ChildServer } from "./childServer.ts";
import { type ClusterNodes, startClusterNodes } from "./clusterNodes.ts";
import { addPerson, type Person } from "./people.ts";
import { RedisServer } from "./redisServer.ts";
import { waitFor } from "./wait.ts";

export interface OutageCluster {
  a: ChildServer;
  b: ChildServer;
  redis: RedisServer;
  /** What a further node of this cluster is started with. */
  nodeEnv: Record<string, string>;
  outage(): Promise<void>;
  restore(): Promise<void>;
  /** An audit made on A with one case and one attendee. */
  auditWithAttendee(): Promise<{ auditId: string; caseId: string; person: Person }>;
  cleanup(): Promise<void>;
}

const healthOf = async (node: ChildServer) => (await fetch(`${node.url}/api/health`)).status;

export async function startOutageCluster(): Promise<OutageCluster> {
  const redis = await RedisServer.start();
  let cluster: ClusterNodes;
  try {
    cluster = await startClusterNodes({ redisUrl: redis.url });
  } catch (error) {
    await redis.kill();
    throw error;
  }
  const [a, b] = cluster.nodes;
  const everyNode = async (status: number, what: string) => {
    for (const node of [a, b]) await waitFor(async () => (await healthOf(node)) === status, 10_000, what);
  };
  return {
    a,
    b,
    redis,
    nodeEnv: { STORE: "postgres", DATABASE_URL: cluster.database.url, REDIS_URL: redis.url, REDIS_PREFIX: cluster.redisPrefix },
    async outage() {
      await redis.kill();
      await everyNode(503, "every node to see Redis gone");
    },
    async restore() {
      await redis.start();
      await everyNode(200, "every node to see Redis back");
    },
    async auditWithAttendee() {
      const http = api(a.url, a.admin);
      const audit = await createAuditOk(http, { title: "Outage audit" });
      const caseId = await addCaseOk(http, audit.id, { label: "Case 1" });
      const person = await addPerson(a.url, a.admin, { name: "Attendee A", auditId: audit.id });
      return { auditId: audit.id, caseId, person };
    },
    async cleanup() {
      await cluster.cleanup();
      await redis.kill();
    },
  };
}

/** A request's status, or "no answer" when none came within `timeoutMs`. */
export async function statusWithin(request: Promise<{ status: number }>, timeoutMs: number): Promise<number | "no answer"> {
  const timeout = new Promise<"no answer">((resolve) => setTimeout(() => resolve("no answer"), timeoutMs));
  return Promise.race([request.then((r) => r.status), timeout]);
}
