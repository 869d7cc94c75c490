/**
 * Taking a node out gracefully (SIGTERM with SHUTDOWN_DRAIN_SECONDS): /api/ready answers 503 at
 * once while the node still serves, so the load balancer (a loopback proxy here) sends new
 * connections to the other node; then the node closes its connections, its clients reconnect
 * through the proxy to the other node and re-send whatever was unacknowledged. Every edit made
 * ends up acknowledged, on every replica, and in PostgreSQL.
 */
import { afterAll, expect, test } from "vitest";
import { readBoard } from "../../shared/board/index.ts";
import { addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { type ClusterNodes, startClusterNodes } from "../helpers/clusterNodes.ts";
import { LiveWriter, sameState } from "../helpers/liveWriter.ts";
import { addPerson } from "../helpers/people.ts";
import { readStoredDocument } from "../helpers/storedDocument.ts";
import { TcpProxy } from "../helpers/tcpProxy.ts";
import { sleep, waitFor } from "../helpers/wait.ts";

const DRAIN_SECONDS = 2;

let cluster: ClusterNodes | undefined;
let proxy: TcpProxy | undefined;
const writers: LiveWriter[] = [];

afterAll(async () => {
  for (const writer of writers) writer.destroy();
  await proxy?.close();
  await cluster?.cleanup();
});

test("a draining node says not ready, then hands its clients to the other node without losing an edit", async () => {
  cluster = await startClusterNodes({ env: { SHUTDOWN_DRAIN_SECONDS: String(DRAIN_SECONDS) } });
  const [a, b] = cluster.nodes;
  const fail = (message: string) => `${message}\nnode A (tail):\n${a.output().slice(-3_000)}\nnode B (tail):\n${b.output().slice(-3_000)}`;
  proxy = await TcpProxy.start([a.port, b.port]);
  const balanced = `ws://127.0.0.1:${proxy.port}/collab`;

  const http = api(a.url, a.admin);
  const audit = await createAuditOk(http, { title: "Drain audit" });
  await addCaseOk(http, audit.id, { label: "Case 1" });
  const people = await Promise.all(
    Array.from({ length: 3 }, (_, i) => addPerson(a.url, a.admin, { name: `Attendee ${"ABC"[i]}`, auditId: audit.id })),
  );
  writers.push(...(await Promise.all(people.map((p, i) => LiveWriter.connect(`Via proxy ${i + 1}`, balanced, audit.id, p.credentials)))));
  expect(proxy.routed.get(a.port)).toBe(writers.length);
  for (const writer of writers) writer.start(40);
  await sleep(800);

  const drainStarted = Date.now();
  const stopping = a.stop();
  await waitFor(async () => (await fetch(`${a.url}/api/ready`)).status === 503, 2_000, fail("A's /api/ready to say 503"));
  // Still serving while it drains: live and reachable, its clients still connected and acknowledged.
  expect((await fetch(`${a.url}/api/live`)).status).toBe(200);
  expect((await fetch(`${b.url}/api/ready`)).status).toBe(200);
  proxy.prefer(b.port);
  const ackedWhileDraining = writers.map((w) => w.tracker.acknowledgedClock);
  await sleep(500);
  expect(writers.every((w, i) => w.tracker.acknowledgedClock > (ackedWhileDraining[i] ?? 0))).toBe(true);

  await stopping;
  console.log(`A drained and stopped ${Date.now() - drainStarted} ms after SIGTERM`);
  await waitFor(() => proxy?.routed.get(b.port) === writers.length, 15_000, fail("A's clients to reconnect to B"));
  await sleep(800);
  for (const writer of writers) writer.stop();
  await waitFor(() => writers.every((w) => w.tracker.allAcknowledged), 10_000, fail("every edit ever made to be acknowledged"));
  await waitFor(() => writers.every((w) => sameState(w.doc, writers[0].doc)), 10_000, fail("every replica to converge"));
  const board = readBoard(writers[0].doc);
  for (const writer of writers) expect(writer.missingFrom(board, writer.tracker.clock), `${writer.name}'s edits`).toEqual([]);

  await b.stop();
  const stored = readBoard(await readStoredDocument(cluster.database.url, audit.id));
  expect(stored, fail("PostgreSQL differs from the replicas")).toEqual(board);
  expect(writers.flatMap((w) => w.tracker.anomalies)).toEqual([]);
}, 120_000);
