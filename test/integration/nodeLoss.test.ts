/**
 * Losing a node mid-meeting: node A is killed with SIGKILL while people edit through a loopback
 * proxy (the load balancer) that sends new connections to B once A is down. Judged by exact acks
 * (AckTracker): no edit acknowledged before the kill is lost — neither from what a fresh client on
 * B loads nor from PostgreSQL after B stops — every replica converges, and the stored document
 * never goes backwards (each state vector read from PostgreSQL holds the one read before it).
 *
 * While A is down its clients are held offline until B's copy has been checked: on reconnecting
 * they re-send everything they hold, which would hide a loss.
 */
import { afterAll, expect, test } from "vitest";
import type * as Y from "yjs";
import { readBoard } from "../../shared/board/index.ts";
import { addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { connectBoard } from "../helpers/board.ts";
import { type ClusterNodes, startClusterNodes } from "../helpers/clusterNodes.ts";
import { LiveWriter, sameState } from "../helpers/liveWriter.ts";
import { addPerson } from "../helpers/people.ts";
import { lacking, readStoredDocument, stateVectorOf } from "../helpers/storedDocument.ts";
import { TcpProxy } from "../helpers/tcpProxy.ts";
import { sleep, waitFor } from "../helpers/wait.ts";

const BEHIND_PROXY = 3;

let cluster: ClusterNodes | undefined;
let proxy: TcpProxy | undefined;
const writers: LiveWriter[] = [];

afterAll(async () => {
  for (const writer of writers) writer.destroy();
  await proxy?.close();
  await cluster?.cleanup();
});

test("kill -9 of node A while editing: its clients move to B, nothing acknowledged is lost, storage never goes backwards", async () => {
  cluster = await startClusterNodes();
  const [a, b] = cluster.nodes;
  const databaseUrl = cluster.database.url;
  const fail = (message: string) => `${message}\nnode A (tail):\n${a.output().slice(-3_000)}\nnode B (tail):\n${b.output().slice(-3_000)}`;
  proxy = await TcpProxy.start([a.port, b.port]);
  const balanced = `ws://127.0.0.1:${proxy.port}/collab`;

  const http = api(a.url, a.admin);
  const audit = await createAuditOk(http, { title: "Node loss audit" });
  for (const label of ["Case 1", "Case 2"]) await addCaseOk(http, audit.id, { label });
  const people = await Promise.all(
    Array.from({ length: BEHIND_PROXY + 1 }, (_, i) => addPerson(a.url, a.admin, { name: `Attendee ${"ABCDEF"[i]}`, auditId: audit.id })),
  );
  const viaProxy = await Promise.all(
    people.slice(0, BEHIND_PROXY).map((p, i) => LiveWriter.connect(`Via proxy ${i + 1}`, balanced, audit.id, p.credentials)),
  );
  // Connected straight to B: B has the board open, with A's edits arriving through Redis.
  const onB = await LiveWriter.connect("On B", b.wsUrl, audit.id, people[BEHIND_PROXY].credentials);
  writers.push(...viaProxy, onB);
  expect(proxy.routed.get(a.port)).toBe(BEHIND_PROXY);

  viaProxy.forEach((w, i) => {
    w.start(15 + 10 * i);
  });
  onB.start(30);
  await sleep(1_200);
  const before = stateVectorOf(await readStoredDocument(databaseUrl, audit.id));
  await sleep(300);

  await a.kill9();
  for (const writer of writers) writer.stop();
  // Every ack A sent before it died is read once the sockets have closed; then they stay offline.
  await Promise.all(viaProxy.map((w) => w.holdOffline()));
  const acknowledgedAtKill = new Map(writers.map((w) => [w, w.tracker.acknowledgedClock]));
  const acknowledged = writers.reduce((n, w) => n + w.acknowledgedCards(acknowledgedAtKill.get(w)), 0);
  const made = writers.reduce((n, w) => n + w.cards.length, 0);
  console.log(`at the kill: ${acknowledged} of ${made} cards acknowledged`);
  expect(acknowledged).toBeGreaterThan(20);

  // PostgreSQL right after the kill: it holds what it held before and everything acknowledged.
  const afterKill = stateVectorOf(await readStoredDocument(databaseUrl, audit.id));
  expect(lacking(afterKill, before), fail("the stored state went backwards at the kill")).toEqual([]);
  const ackedState = new Map(writers.map((w) => [w.doc.clientID, acknowledgedAtKill.get(w) ?? 0]));
  expect(lacking(afterKill, ackedState), fail("PostgreSQL lacks acknowledged edits after the kill")).toEqual([]);

  // A fresh client on B loads every acknowledged edit, though no client of A has re-sent anything.
  const fresh = await connectBoard(b.wsUrl, audit.id, b.admin, { timeoutMs: 20_000 });
  const seenOnB = readBoard(fresh.doc);
  fresh.destroy();
  const missing = writers.flatMap((w) => w.missingFrom(seenOnB, acknowledgedAtKill.get(w)));
  expect(missing, fail(`acknowledged before the kill but missing on B:\n${missing.slice(0, 20).join("\n")}`)).toEqual([]);

  expect(proxy.routed.get(b.port) ?? 0, "a client of A reached B before B's copy was checked").toBe(0);

  // A's clients reconnect through the proxy, which now reaches B, and go on editing there.
  for (const writer of viaProxy) void writer.socket.connect();
  await waitFor(() => viaProxy.every((w) => w.connection.provider.isSynced), 20_000, fail("A's clients to sync through the proxy"));
  expect(proxy.routed.get(b.port)).toBe(BEHIND_PROXY);
  for (const writer of writers) writer.start(60);
  await sleep(800);
  for (const writer of writers) writer.stop();
  await waitFor(() => writers.every((w) => w.tracker.allAcknowledged), 10_000, fail("every edit to be acknowledged by B"));

  const watcher = await connectBoard(b.wsUrl, audit.id, b.admin, { timeoutMs: 20_000 });
  let replica: { board: ReturnType<typeof readBoard>; doc: Y.Doc };
  try {
    await waitFor(() => writers.every((w) => sameState(w.doc, watcher.doc)), 10_000, fail("every replica to reach B's state"));
    const served = readBoard(watcher.doc, { rich: true });
    for (const writer of writers) expect(readBoard(writer.doc, { rich: true }), `${writer.name} differs from B`).toEqual(served);
    replica = { board: readBoard(watcher.doc), doc: watcher.doc };
    const finalVector = stateVectorOf(watcher.doc);
    watcher.destroy();

    // B stops gracefully; PostgreSQL then holds exactly the replicas' document.
    await b.stop();
    const stored = await readStoredDocument(databaseUrl, audit.id);
    const storedVector = stateVectorOf(stored);
    expect(lacking(storedVector, afterKill), fail("the stored state went backwards after the failover")).toEqual([]);
    expect(lacking(storedVector, finalVector), fail("PostgreSQL lacks what the replicas hold")).toEqual([]);
    expect(readBoard(stored), fail("the stored board differs from the replicas")).toEqual(replica.board);
    const lost = writers.flatMap((w) => w.missingFrom(readBoard(stored)));
    expect(lost, fail(`acknowledged edits missing from PostgreSQL:\n${lost.join("\n")}`)).toEqual([]);
  } finally {
    watcher.destroy();
  }
  expect(writers.flatMap((w) => w.tracker.anomalies)).toEqual([]);
}, 150_000);
