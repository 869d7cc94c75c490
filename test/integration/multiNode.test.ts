/**
 * Two server nodes (child processes) on one PostgreSQL database and one Redis prefix, as behind
 * a load balancer: providers on either node converge and see each other's edits and presence
 * live; a REST write on one reaches the other's clients; access changes made on one node close or
 * restrict connections on the other; a freeze on one holds on both and its snapshot has what the
 * other acknowledged; failed sign-ins count across nodes.
 */
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { readBoard } from "../../shared/board/index.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import type { ChildServer } from "../helpers/childServer.ts";
import { type ClusterNodes, startClusterNodes } from "../helpers/clusterNodes.ts";
import { LiveWriter, sameState } from "../helpers/liveWriter.ts";
import { addPerson, type Person, signIn } from "../helpers/people.ts";
import { plainBoard, reviewApi } from "../helpers/snapshots.ts";
import { sleep, waitFor } from "../helpers/wait.ts";

let cluster: ClusterNodes;
let a: ChildServer;
let b: ChildServer;
const writers: LiveWriter[] = [];

beforeAll(async () => {
  cluster = await startClusterNodes();
  [a, b] = cluster.nodes;
});
afterEach(() => {
  for (const writer of writers.splice(0)) writer.destroy();
});
afterAll(async () => {
  await cluster?.cleanup();
});

const serverOutput = () => `\nnode A output (tail):\n${a.output().slice(-3_000)}\nnode B output (tail):\n${b.output().slice(-3_000)}`;

/** An audit made on node A with one case, and `count` attendees of it. */
async function auditWith(count: number): Promise<{ auditId: string; caseId: string; people: Person[] }> {
  const http = api(a.url, a.admin);
  const audit = await createAuditOk(http, { title: "Two-node audit", agencies: ["police", "education"] });
  const caseId = await addCaseOk(http, audit.id, { label: "Case 1" });
  const people = await Promise.all(
    Array.from({ length: count }, (_, i) => addPerson(a.url, a.admin, { name: `Attendee ${"ABCDEF"[i]}`, auditId: audit.id })),
  );
  return { auditId: audit.id, caseId, people };
}

async function writer(name: string, node: ChildServer, auditId: string, person: Person | { credentials: ChildServer["admin"] }) {
  const connected = await LiveWriter.connect(name, node.wsUrl, auditId, person.credentials);
  writers.push(connected);
  return connected;
}

test("providers on A and on B see each other's edits and presence live, and converge on the same document", async () => {
  const { auditId, people } = await auditWith(2);
  const onA = await writer("On A", a, auditId, people[0]);
  const onB = await writer("On B", b, auditId, people[1]);

  const fromA = onA.addCard();
  await waitFor(() => onB.connection.board.card(fromA), 3_000, `B's client to see A's card${serverOutput()}`);
  const fromB = onB.addCard();
  await waitFor(() => onA.connection.board.card(fromB), 3_000, "A's client to see B's card");

  // Presence travels too, stamped by A with the account's name (not what the client claimed).
  await waitFor(
    () =>
      (onB.connection.provider.awareness?.getStates().get(onA.doc.clientID)?.user as { name?: string } | undefined)?.name === "Attendee A",
    3_000,
    "B's client to see A's client's presence",
  );

  onA.start(40);
  onB.start(55);
  await sleep(1_500);
  onA.stop();
  onB.stop();
  await waitFor(() => onA.tracker.allAcknowledged && onB.tracker.allAcknowledged, 5_000, "every edit to be acknowledged");
  await waitFor(() => sameState(onA.doc, onB.doc), 5_000, "both replicas to reach the same state");
  expect(readBoard(onA.doc, { rich: true })).toEqual(readBoard(onB.doc, { rich: true }));
  expect(onA.cards.length + onB.cards.length).toBeGreaterThan(40);
  expect([...onA.missingFrom(readBoard(onB.doc)), ...onB.missingFrom(readBoard(onA.doc))]).toEqual([]);

  // A fresh client on either node loads that same document.
  const fresh = await writer("Fresh on A", a, auditId, people[0]);
  expect(sameState(fresh.doc, onB.doc)).toBe(true);
  expect([...onA.tracker.anomalies, ...onB.tracker.anomalies]).toEqual([]);
});

test("a REST write on A appears live on B's clients", async () => {
  const { auditId, caseId, people } = await auditWith(1);
  const onB = await writer("On B", b, auditId, people[0]);
  const started = Date.now();
  const cardId = await addCardOk(api(a.url, a.admin), auditId, caseId, { column: "worried", text: "Written through REST on A" });
  await waitFor(() => onB.connection.board.card(cardId), 3_000, "B's client to see the REST card");
  console.log(`REST write on A seen on B after ${Date.now() - started} ms`);
  expect(onB.connection.board.card(cardId)?.text).toBe("Written through REST on A");
});

test("removing a member, revoking a token or signing out on A closes the sockets on B", async () => {
  const { auditId, people } = await auditWith(3);
  const [removed, tokenHolder, signedOut] = people;

  const removedOnB = await writer("Removed", b, auditId, removed);
  const gone = await api(a.url, a.admin).call("DELETE", `/api/audits/${auditId}/members/${removed.user.id}`);
  expect(gone.status).toBe(204);
  await waitFor(() => removedOnB.heard.closes.length > 0, 2_000, "the removed member's socket on B to close");
  // Hocuspocus closes one document of a shared socket with a message that carries only the
  // reason (the provider reports code 1000), so the reason is what a page can read.
  expect(removedOnB.heard.closes[0]?.reason).toBe("membership-removed");
  await expect(LiveWriter.connect("Removed again", b.wsUrl, auditId, removed.credentials)).rejects.toThrow(/refused/);

  const tokenOnB = await writer("Token", b, auditId, tokenHolder);
  const asHolder = api(a.url, tokenHolder.credentials);
  const tokens = (await asHolder.get("/api/tokens")).body as { id: string }[];
  expect(tokens).toHaveLength(1);
  expect((await asHolder.call("DELETE", `/api/tokens/${tokens[0].id}`)).status).toBe(204);
  await waitFor(() => tokenOnB.heard.closes.length > 0, 2_000, "the revoked token's socket on B to close");
  expect(tokenOnB.heard.closes[0]?.reason).toBe("session-ended");

  // A session made on A is good on B (sessions live in the database) until it is ended on A.
  const session = await signIn(a.url, signedOut.email, signedOut.password);
  const cookieOnB = await writer("Cookie", b, auditId, { credentials: { cookie: session.cookie } });
  expect((await api(a.url, session).call("DELETE", "/api/session")).status).toBe(204);
  await waitFor(() => cookieOnB.heard.closes.length > 0, 2_000, "the signed-out session's socket on B to close");
  expect(cookieOnB.heard.closes[0]?.reason).toBe("session-ended");
  expect((await api(b.url, session).get("/api/session")).status).toBe(401);
});

test("a freeze on A makes B read-only, B's edits after it are refused, and B's acknowledged edit is in the snapshot", async () => {
  const { auditId, people } = await auditWith(1);
  const chairOnA = await writer("Chair", a, auditId, { credentials: a.admin });
  const onB = await writer("On B", b, auditId, people[0]);

  // B's last edit is acknowledged by B, then the freeze is made on A at once (A may not have it yet).
  onB.start(20);
  await sleep(600);
  onB.stop();
  const last = onB.addCard();
  await waitFor(() => onB.tracker.allAcknowledged, 3_000, "B's edits to be acknowledged");
  const frozen = await reviewApi(a.url, a.admin).freeze(auditId);
  expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);

  await waitFor(() => onB.heard.access.some((m) => m.frozen === true), 2_000, "B's client to hear of the freeze");
  expect(onB.heard.access.find((m) => m.frozen)).toMatchObject({ readOnly: true, frozen: true });

  const snapshot = await reviewApi(a.url, a.admin).getSnapshot(auditId, frozen.body.snapshotId);
  expect(snapshot.status).toBe(200);
  const missing = onB.missingFrom(snapshot.body.content.board);
  expect(missing, `acknowledged on B but not in the freeze snapshot${serverOutput()}`).toEqual([]);
  expect(JSON.stringify(snapshot.body.content.board)).toContain(last);

  const late = onB.addCard();
  await waitFor(() => onB.heard.rejected > 0, 2_000, "B's late edit to be refused");
  const marker = await addCardOk(api(b.url, people[0].credentials), auditId, snapshot.body.content.board.cases[0].id, {
    column: "worried",
    text: "REST after the freeze",
  }).catch((error: Error) => error.message);
  expect(marker).toMatch(/409/);
  await sleep(500);
  expect(chairOnA.connection.board.card(late)).toBeUndefined();
  const rest = await api(b.url, b.admin).getAudit(auditId);
  expect(rest.body.board).toEqual(plainBoard(snapshot.body.content.board));
});

test("a freeze on A while B types: every edit B acknowledged is in the snapshot, every later one refused", async () => {
  const { auditId, people } = await auditWith(1);
  const onB = await writer("Typing on B", b, auditId, people[0]);
  onB.start(5);
  await sleep(500);
  const frozen = await reviewApi(a.url, a.admin).freeze(auditId);
  expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);
  await waitFor(() => onB.heard.rejected > 0, 3_000, "B to refuse an edit after the freeze");
  onB.stop();
  // Let the last answers arrive: a refused edit is answered too (SyncStatus false), never acknowledged.
  await sleep(1_000);

  const snapshot = await reviewApi(a.url, a.admin).getSnapshot(auditId, frozen.body.snapshotId);
  const missing = onB.missingFrom(snapshot.body.content.board);
  console.log(
    `freeze while typing on the other node: ${onB.acknowledgedCards()} of ${onB.cards.length} cards acknowledged, ${onB.heard.rejected} edits refused`,
  );
  expect(missing, `acknowledged on B but not in the freeze snapshot${serverOutput()}`).toEqual([]);
  expect(onB.acknowledgedCards()).toBeLessThan(onB.cards.length);
  expect((await api(b.url, b.admin).getAudit(auditId)).body.board).toEqual(plainBoard(snapshot.body.content.board));
});

test("failed sign-ins are counted across nodes: the fifth, alternating A and B, locks the account on both", async () => {
  const person = await addPerson(a.url, a.admin, { name: "Guessed At" });
  const attempt = (node: ChildServer, password: string) =>
    fetch(`${node.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: person.email, password }),
    });
  for (let i = 0; i < 5; i += 1) {
    expect((await attempt(i % 2 === 0 ? a : b, `wrong guess number ${i}`)).status).toBe(401);
  }
  for (const node of [b, a]) {
    const blocked = await attempt(node, person.password);
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as { error: string }).error).toMatch(/Too many failed sign-ins for this account/);
  }
});
