/**
 * REST on a node while Redis is down (a short outage per test, on the nodes' own redis-server):
 * sign-in still answers (the shared failed-sign-in counters are unreachable, which must not lock
 * everyone out), and access changes made on A during the outage reach B's open connections once
 * Redis is back (the control message sent meanwhile is lost; B re-reads from the store). A node
 * that cannot reach Redis at start does not start (it would serve a split view).
 */
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { api } from "../helpers/api.ts";
import { startChildServer } from "../helpers/childServer.ts";
import { LiveWriter } from "../helpers/liveWriter.ts";
import { type OutageCluster, startOutageCluster, statusWithin } from "../helpers/outageCluster.ts";
import { addPerson } from "../helpers/people.ts";
import { waitFor } from "../helpers/wait.ts";

let nodes: OutageCluster;
const writers: LiveWriter[] = [];

beforeAll(async () => {
  nodes = await startOutageCluster();
});
afterEach(async () => {
  for (const writer of writers.splice(0)) writer.destroy();
  await nodes.restore();
});
afterAll(async () => {
  await nodes?.cleanup();
});

test("sign-in answers on both nodes while Redis is down", async () => {
  const person = await addPerson(nodes.a.url, nodes.a.admin, { name: "Signs In" });
  await nodes.outage();
  for (const node of [nodes.a, nodes.b]) {
    const started = Date.now();
    const status = await statusWithin(
      fetch(`${node.url}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: person.email, password: person.password }),
      }),
      5_000,
    );
    console.log(`sign-in during the outage: ${status} after ${Date.now() - started} ms`);
    expect(status).toBe(200);
  }
});

test("a node that cannot reach Redis at start refuses to start, and says why", async () => {
  await nodes.outage();
  const started = Date.now();
  const failure = await startChildServer({ env: nodes.nodeEnv, startTimeoutMs: 30_000 }).then(
    async (node) => {
      await node.cleanup();
      return "it started";
    },
    (error: Error) => error.message,
  );
  console.log(`a node without Redis gave up after ${Date.now() - started} ms`);
  expect(failure).toMatch(/the server exited while starting/);
  expect(failure).toMatch(/could not start: Redis at REDIS_URL is not reachable/);
  expect(Date.now() - started).toBeLessThan(25_000);
}, 45_000);

test("a member removed and a token revoked on A while Redis is down are closed on B once Redis is back", async () => {
  const { a, b } = nodes;
  const removed = await nodes.auditWithAttendee();
  const removedOnB = await LiveWriter.connect("Removed", b.wsUrl, removed.auditId, removed.person.credentials);
  const holder = await addPerson(a.url, a.admin, { name: "Token Holder", auditId: removed.auditId });
  const tokenOnB = await LiveWriter.connect("Token", b.wsUrl, removed.auditId, holder.credentials);
  writers.push(removedOnB, tokenOnB);
  await nodes.outage();

  const gone = await statusWithin(
    api(a.url, a.admin).call("DELETE", `/api/audits/${removed.auditId}/members/${removed.person.user.id}`),
    5_000,
  );
  expect(gone).toBe(204);
  const asHolder = api(a.url, holder.credentials);
  const tokens = (await asHolder.get("/api/tokens")).body as { id: string }[];
  expect(await statusWithin(asHolder.call("DELETE", `/api/tokens/${tokens[0]?.id}`), 5_000)).toBe(204);

  await nodes.restore();
  await waitFor(() => removedOnB.heard.closes.length > 0 && tokenOnB.heard.closes.length > 0, 10_000, "B to close both sockets");
  expect(removedOnB.heard.closes[0]?.reason).toBe("membership-removed");
  expect(tokenOnB.heard.closes[0]?.reason).toBe("session-ended");
});
