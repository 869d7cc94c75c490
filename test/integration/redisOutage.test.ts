/**
 * Redis away for 30 s under two nodes: the nodes' own redis-server is killed (every connection
 * drops) while providers on both nodes edit, and a new one is started on the same port 30 s later.
 * During the outage every page is told (cluster-link connected:false, also a page that connects
 * then), /api/health says degraded, edits on both nodes are still acknowledged, and reach the
 * other node's pages late, through the shared log in the database. Once Redis is
 * back every page is told again, the nodes resync, every replica converges to one document, and
 * no acknowledged edit is lost.
 */
import { afterAll, expect, test } from "vitest";
import { readBoard } from "../../shared/board/index.ts";
import { addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import type { ChildServer } from "../helpers/childServer.ts";
import { type ClusterNodes, startClusterNodes } from "../helpers/clusterNodes.ts";
import { LiveWriter, sameState } from "../helpers/liveWriter.ts";
import { addPerson } from "../helpers/people.ts";
import { RedisServer } from "../helpers/redisServer.ts";
import { sleep, waitFor } from "../helpers/wait.ts";

const OUTAGE_MS = 30_000;

let redis: RedisServer | undefined;
let cluster: ClusterNodes | undefined;
const writers: LiveWriter[] = [];

afterAll(async () => {
  for (const writer of writers) writer.destroy();
  await cluster?.cleanup();
  await redis?.kill();
});

async function health(node: ChildServer): Promise<{ status: number; body: { status?: string } }> {
  const response = await fetch(`${node.url}/api/health`);
  return { status: response.status, body: (await response.json()) as { status?: string } };
}

/** The status of a sign-in, or "no answer" when none came within `timeoutMs`. */
async function signInStatus(node: ChildServer, email: string, password: string, timeoutMs: number): Promise<number | "no answer"> {
  const response = await fetch(`${node.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(timeoutMs),
  }).catch(() => undefined);
  return response?.status ?? "no answer";
}

test("Redis down for 30 s: pages are told, edits are acknowledged on both nodes, and everything converges when it returns", async () => {
  redis = await RedisServer.start();
  cluster = await startClusterNodes({ redisUrl: redis.url });
  const [a, b] = cluster.nodes;
  const fail = (message: string) => `${message}\nnode A (tail):\n${a.output().slice(-3_000)}\nnode B (tail):\n${b.output().slice(-3_000)}`;

  const http = api(a.url, a.admin);
  const audit = await createAuditOk(http, { title: "Redis outage audit" });
  await addCaseOk(http, audit.id, { label: "Case 1" });
  const people = await Promise.all(
    Array.from({ length: 5 }, (_, i) => addPerson(a.url, a.admin, { name: `Attendee ${"ABCDEF"[i]}`, auditId: audit.id })),
  );
  const nodeOf = (i: number) => (i % 2 === 0 ? a : b);
  const editing = await Promise.all(
    people
      .slice(0, 4)
      .map((p, i) => LiveWriter.connect(`${i % 2 === 0 ? "A" : "B"} writer ${i + 1}`, nodeOf(i).wsUrl, audit.id, p.credentials)),
  );
  writers.push(...editing);
  const first = editing[0].addCard();
  await waitFor(() => editing[1].connection.board.card(first), 3_000, fail("B to see A's card before the outage"));

  editing.forEach((w, i) => {
    w.start(150 + 20 * i);
  });
  await sleep(1_000);
  await redis.kill();
  const outageStarted = Date.now();
  const clockAtOutage = new Map(editing.map((w) => [w, w.tracker.clock]));

  await waitFor(() => editing.every((w) => w.heard.link.at(-1) === false), 5_000, fail("every page to be told the link is down"));
  console.log(`every page told the link is down ${Date.now() - outageStarted} ms into the outage`);
  for (const node of [a, b]) {
    const answer = await health(node);
    expect(answer.status).toBe(503);
    expect(answer.body.status).toBe("degraded");
  }
  // A page that connects during the outage is told on connecting.
  const late = await LiveWriter.connect("Late on B", b.wsUrl, audit.id, people[4].credentials);
  writers.push(late);
  await waitFor(() => late.heard.link.length > 0, 3_000, "the late page to be told");
  expect(late.heard.link).toEqual([false]);
  late.addCard();
  await sleep(OUTAGE_MS - 10_000 - (Date.now() - outageStarted));
  for (const writer of editing) writer.stop();
  // Still inside the outage: every edit made on either node is acknowledged.
  await waitFor(() => writers.every((w) => w.tracker.allAcknowledged), 5_000, fail("edits to be acknowledged during the outage"));
  for (const writer of editing) expect(writer.tracker.acknowledgedClock).toBeGreaterThan(clockAtOutage.get(writer) ?? 0);
  expect((await health(a)).status, "Redis came back too early").toBe(503);
  const acknowledgedInOutage = writers.reduce((n, w) => n + w.acknowledgedCards(), 0);
  // Without Redis, B's pages still get A's edits, late, through the shared log in the database.
  const duringOutage = editing[0].cards.at(-1)?.id ?? "";
  const readBack = Date.now();
  await waitFor(() => editing[1].connection.board.card(duringOutage), 5_000, fail("B's page to get A's edit through the database"));
  console.log(`an edit made on A reached B's page through the database ${Date.now() - readBack} ms after A acknowledged it`);
  expect((await health(b)).status, "Redis came back too early").toBe(503);

  await sleep(Math.max(0, OUTAGE_MS - (Date.now() - outageStarted)));
  await redis.start();
  const back = Date.now();
  await waitFor(() => writers.every((w) => w.heard.link.at(-1) === true), 10_000, fail("every page to be told the link is back"));
  console.log(
    `outage ${back - outageStarted} ms, ${acknowledgedInOutage} cards acknowledged by then; pages told the link is back ${Date.now() - back} ms after Redis`,
  );
  for (const node of [a, b]) expect((await health(node)).status).toBe(200);

  await waitFor(() => writers.every((w) => sameState(w.doc, writers[0].doc)), 15_000, fail("every replica to converge after the outage"));
  console.log(`replicas converged ${Date.now() - back} ms after Redis returned`);
  const board = readBoard(writers[0].doc, { rich: true });
  for (const writer of writers) expect(readBoard(writer.doc, { rich: true }), `${writer.name} differs`).toEqual(board);

  // Fresh clients on both nodes load that document, with every acknowledged edit.
  for (const node of [a, b]) {
    const fresh = await LiveWriter.connect("Fresh", node.wsUrl, audit.id, node.admin);
    writers.push(fresh);
    expect(sameState(fresh.doc, writers[0].doc), fail(`a fresh client on ${node === a ? "A" : "B"} differs`)).toBe(true);
    const missing = writers.flatMap((w) => w.missingFrom(readBoard(fresh.doc)));
    expect(missing, fail(`acknowledged edits missing:\n${missing.slice(0, 20).join("\n")}`)).toEqual([]);
  }
  // Failed sign-ins are counted again in the new (empty) Redis, and a right password still works.
  expect(await signInStatus(b, people[4].email, "not the password at all", 5_000)).toBe(401);
  expect(await signInStatus(a, people[4].email, people[4].password, 5_000)).toBe(200);

  // And live editing across nodes works again.
  const after = editing[1].addCard();
  await waitFor(() => editing[0].connection.board.card(after), 3_000, fail("A to see B's card after the outage"));
  expect(writers.flatMap((w) => w.tracker.anomalies)).toEqual([]);
}, 90_000);
