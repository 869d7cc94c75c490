/**
 * Hostile frames from an authenticated writer: garbage, truncated and oversize frames, crafted
 * and randomly mutated Yjs updates, unknown message types, and messages addressed to another
 * audit's document. For each: the writer's socket is closed or the frame dropped within seconds,
 * the server keeps serving another audit (edits there still reach its other client) and answers
 * /api/health, and the target board is unchanged (a fresh client's board and state vector), unless
 * Yjs itself applies the bytes cleanly (judged in a worker), when the board may instead equal
 * that clean result. The server runs as a child process, so a frame that makes it spin or crash
 * is reported (with its bytes in hex) instead of freezing the test; it is then restarted.
 *
 * Replay: HOSTILE_SEED=<seed> npx vitest run test/integration/hostileFrames.test.ts
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { cardBody, readBoard, updateCase } from "../../shared/board/index.ts";
import type { BoardJson } from "../../shared/domain/board.ts";
import { LIMITS } from "../../shared/validation/limits.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { type BoardConnection, connectBoard } from "../helpers/board.ts";
import { type ChildServer, startChildServer } from "../helpers/childServer.ts";
import { craftedUpdates, hex, hugeStateVector, mutate } from "../helpers/craftedUpdates.ts";
import { UpdateJudge, type UpdateVerdict } from "../helpers/guardedUpdate.ts";
import { addPerson } from "../helpers/people.ts";
import { frames, MESSAGE, RawCollabSocket, SYNC_STEP } from "../helpers/rawCollab.ts";
import { seededRandom } from "../helpers/replicas.ts";
import { waitFor } from "../helpers/wait.ts";

const SEED = Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31));
const MUTATIONS = Number(process.env.HOSTILE_MUTATIONS ?? 200);
console.log(`hostile frames seed ${SEED} (replay: HOSTILE_SEED=${SEED} npx vitest run test/integration/hostileFrames.test.ts)`);
/** Each category draws from its own generator (seeded from SEED and its name), so one test replays alone. */
let random = seededRandom(SEED);

/** A board as a fresh client receives it. */
interface Snapshot {
  board: BoardJson;
  state: Map<number, number>;
  /** The full state the server sends, pending structs included. */
  encoded: Uint8Array;
  /** The fresh client was left with structs or deletions it cannot apply (unappliable bytes kept by the server). */
  pending: boolean;
}

/** What a frame may do to the watched board: nothing, or what Yjs makes of an update it carries. */
type Allowed = { kind: "unchanged" } | { kind: "verdict"; verdict: UpdateVerdict };
const UNCHANGED: Allowed = { kind: "unchanged" };
const PENDING_KEPT = "the server now keeps and serves unappliable (pending) structs";

interface Finding {
  attack: string;
  hex: string;
  problems: string[];
}

let server: ChildServer;
let target: { auditId: string; caseId: string; cardId: string };
let otherAuditId: string;
let attackerToken: string;
let attackerEmail: string | undefined;
let bystanders: { writer: BoardConnection; reader: BoardConnection };
let attacker: RawCollabSocket | undefined;
const judge = new UpdateJudge();
const snapshots = new Map<string, Snapshot>();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let bystanderCount = 0;
let keepBoardOnPending = false;

async function snapshot(auditId: string): Promise<Snapshot> {
  const fresh = await connectBoard(server.wsUrl, auditId, server.admin, { timeoutMs: 10_000 });
  try {
    const { doc } = fresh;
    return {
      board: readBoard(doc, { rich: true }),
      state: Y.decodeStateVector(Y.encodeStateVector(doc)),
      encoded: Y.encodeStateAsUpdate(doc),
      pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null,
    };
  } finally {
    fresh.destroy();
  }
}

const sameState = (a: Map<number, number>, b: Map<number, number>) =>
  a.size === b.size && [...a].every(([client, clock]) => b.get(client) === clock);

/** Card stamps are the server's to set (the authorship guard), so a clean result is compared without them. */
function unstamped(board: BoardJson): unknown {
  return JSON.parse(JSON.stringify(board), (key, value) => (key === "author" || key === "agency" ? undefined : value));
}

async function healthy(timeoutMs = 3_000): Promise<boolean> {
  const response = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(timeoutMs) }).catch(() => undefined);
  return response?.status === 200;
}

/** An edit on the other audit reaches that audit's other client. */
async function otherAuditStillWorks(timeoutMs: number): Promise<boolean> {
  bystanderCount += 1;
  const text = `Bystander edit ${bystanderCount}`;
  try {
    const caseId = readBoard(bystanders.writer.doc).cases[0].id;
    const cardId = bystanders.writer.board.addCard(caseId, "worried", text);
    await waitFor(() => bystanders.reader.board.card(cardId)?.text === text, timeoutMs, "the bystander's edit to arrive");
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends `hostile` on the attacker's authenticated socket to `target.auditId` and checks everything
 * the file's header promises; returns what went wrong (undefined when the server behaved).
 */
async function attack(
  name: string,
  hostile: Uint8Array[],
  allowed: Allowed = UNCHANGED,
  watched = [target.auditId],
): Promise<Finding | undefined> {
  const problems: string[] = [];
  try {
    await attackAndCheck(hostile, allowed, watched, problems);
  } catch (error) {
    problems.push(`checking failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (problems.length === 0) return undefined;
  // In the mutation run, kept pending structs are reported once and the attacks go on against that
  // board (the next real updates carry them along, which is how half-applied updates turned up).
  // Otherwise each finding gets a fresh board, so it stands on its own.
  if (!(keepBoardOnPending && problems.every((p) => p.includes(PENDING_KEPT)))) await recover(problems);
  return { attack: name, hex: hostile.map(hex).join(" + "), problems };
}

async function attackAndCheck(hostile: Uint8Array[], allowed: Allowed, watched: string[], problems: string[]): Promise<void> {
  for (const auditId of watched) if (!snapshots.has(auditId)) snapshots.set(auditId, await snapshot(auditId));
  if (!attacker || attacker.isClosed) attacker = await RawCollabSocket.open(server.wsUrl, target.auditId, attackerToken);
  for (const bytes of hostile) attacker.send(bytes);

  const handled = await attacker.probe(5_000);
  if (handled === "silent") {
    if (await healthy()) problems.push("the socket was neither closed nor answered within 5 s");
    else problems.push("the server stopped answering (/api/health timed out): it hangs");
  }
  if (!server.running) problems.push(`the server process died:\n${server.output().slice(-1_500)}`);
  if (problems.length > 0 && (!server.running || !(await healthy()))) {
    // Restart it so the rest of the checks (and the next attacks) can run.
    attacker = undefined;
    await server.kill9();
    await server.restart();
  }
  if (!(await otherAuditStillWorks(30_000))) problems.push("an edit on another audit did not reach its other client");
  if (!(await healthy())) problems.push("GET /api/health did not answer 200");

  for (const auditId of watched) {
    const before = snapshots.get(auditId) as Snapshot;
    const after = await snapshot(auditId);
    snapshots.set(auditId, after);
    const unchanged = sameState(before.state, after.state) && JSON.stringify(before.board) === JSON.stringify(after.board);
    const verdict = allowed.kind === "verdict" ? allowed.verdict : undefined;
    if (!unchanged) {
      if (verdict?.kind === "applies" || verdict?.kind === "pending") {
        // What Yjs makes of the bytes may be a real change (a writer may edit), but nothing else.
        const reference = new Y.Doc();
        Y.applyUpdate(reference, verdict.state);
        if (JSON.stringify(unstamped(readBoard(reference, { rich: true }))) !== JSON.stringify(unstamped(after.board))) {
          problems.push(`audit ${auditId}: the board changed, and not as Yjs applies these bytes (${verdict.kind})`);
        }
      } else {
        problems.push(`audit ${auditId}: the board changed${verdict ? ` (Yjs on these bytes: ${verdict.kind})` : ""}`);
        // The same bytes may only do this on this state: it goes with the report.
        problems.push(`the board's state before (base64): ${Buffer.from(before.encoded).toString("base64")}`);
      }
    }
    if (after.pending && !before.pending) problems.push(`audit ${auditId}: ${PENDING_KEPT}`);
  }
}

/** Runs attacks, prints every finding with its bytes, and fails listing them all. */
async function expectNoFindings(category: string, attacks: () => AsyncGenerator<Finding | undefined>): Promise<void> {
  random = seededRandom(SEED ^ [...category].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7));
  const findings: Finding[] = [];
  let count = 0;
  for await (const finding of attacks()) {
    count += 1;
    if (finding) findings.push(finding);
  }
  const report = findings.map((f) => `- ${f.attack}\n  bytes: ${f.hex.slice(0, 2_000)}\n  ${f.problems.join("\n  ")}`).join("\n");
  console.log(`${category}: ${count} attacks, ${findings.length} findings (seed ${SEED})${report ? `\n${report}` : ""}`);
  expect(findings.length, `${category} (seed ${SEED}):\n${report}`).toBe(0);
  expect(unhandled).toEqual([]);
}

/** The target board as a fresh client gets it now. */
async function targetState(): Promise<Snapshot> {
  const known = snapshots.get(target.auditId);
  if (known) return known;
  const fresh = await snapshot(target.auditId);
  snapshots.set(target.auditId, fresh);
  return fresh;
}

/** A real update from a new client: `letters` typed at the start of the target card. */
async function typedUpdate(letters: string): Promise<Uint8Array> {
  const base = await targetState();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base.encoded);
  const before = Y.encodeStateVector(doc);
  const line = cardBody(doc, target.cardId)?.get(0);
  const text = line instanceof Y.XmlElement ? line.get(0) : undefined;
  if (!(text instanceof Y.XmlText)) {
    // An earlier update that Yjs applied cleanly deleted the text (a writer may): type on a new board.
    await freshTarget();
    return typedUpdate(letters);
  }
  text.insert(0, letters);
  return Y.encodeStateAsUpdate(doc, before);
}

/** A real update from a new client: the target case renamed. */
async function renameUpdate(label: string): Promise<Uint8Array> {
  const base = await targetState();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base.encoded);
  const before = Y.encodeStateVector(doc);
  updateCase(doc, target.caseId, { label });
  return Y.encodeStateAsUpdate(doc, before);
}

/** A board to attack: one case with one card; the attacker (once it exists) is an attendee there. */
async function newTarget(): Promise<typeof target> {
  const http = api(server.url, server.admin);
  const audit = await createAuditOk(http, { title: "Target audit" });
  const caseId = await addCaseOk(http, audit.id, { label: "Case 1" });
  const cardId = await addCardOk(http, audit.id, caseId, { column: "worried", text: "Original text", agency: "police" });
  if (attackerEmail) {
    const added = await http.postJson(`/api/audits/${audit.id}/members`, { email: attackerEmail, role: "attendee" });
    if (added.status >= 300) throw new Error(`adding the attacker answered ${added.status}`);
  }
  return { auditId: audit.id, caseId, cardId };
}

/**
 * After a failed attack: make sure the server runs and serves the target board again, restarting
 * it if needed (a board that still does not load was poisoned). The next attacks get a new board
 * either way, so every finding stands on its own.
 */
async function recover(problems: string[]): Promise<void> {
  attacker?.terminate();
  attacker = undefined;
  if (!server.running || !(await healthy())) {
    await server.kill9();
    await server.restart();
  }
  snapshots.clear();
  if (!(await loads(target.auditId))) {
    problems.push("afterwards no client could load the board");
    await server.kill9();
    await server.restart();
    if (await loads(target.auditId)) problems.push("after a restart of the server the board loads again");
    else problems.push("even after a restart of the server the board does not load: these bytes poisoned its storage");
  }
  await freshTarget();
}

/** Moves the attacks to a new board (the attacker's socket is for the old one). */
async function freshTarget(): Promise<void> {
  attacker?.terminate();
  attacker = undefined;
  snapshots.delete(target.auditId);
  target = await newTarget();
}

async function loads(auditId: string): Promise<boolean> {
  try {
    await snapshot(auditId);
    return true;
  } catch {
    return false;
  }
}

function randomBytes(length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  process.on("uncaughtException", onUnhandled);
  server = await startChildServer();
  const http = api(server.url, server.admin);
  target = await newTarget();
  const other = await createAuditOk(http, { title: "Other audit" });
  await addCaseOk(http, other.id, { label: "Case A" });
  otherAuditId = other.id;
  // A third audit where people keep working through every attack.
  const busy = await createAuditOk(http, { title: "Busy audit" });
  await addCaseOk(http, busy.id, { label: "Case B" });
  const attendee = await addPerson(server.url, server.admin, { name: "Attendee", auditId: target.auditId });
  attackerToken = attendee.credentials.token as string;
  attackerEmail = attendee.email;
  bystanders = {
    writer: await connectBoard(server.wsUrl, busy.id, server.admin),
    reader: await connectBoard(server.wsUrl, busy.id, server.admin),
  };
}, 60_000);

afterAll(async () => {
  attacker?.terminate();
  bystanders?.writer.destroy();
  bystanders?.reader.destroy();
  await judge.close();
  await server?.cleanup();
  process.off("unhandledRejection", onUnhandled);
  process.off("uncaughtException", onUnhandled);
});

describe("an authenticated writer sending hostile frames", () => {
  test("random garbage, alone or behind the board's document name", async () => {
    await expectNoFindings("garbage", async function* () {
      for (let i = 0; i < 15; i += 1) yield attack(`random bytes #${i}`, [randomBytes(1 + Math.floor(random() * 300))]);
      for (let i = 0; i < 15; i += 1) {
        const prefix = frames.typed(target.auditId, MESSAGE.sync);
        const garbage = randomBytes(1 + Math.floor(random() * 300));
        yield attack(`document name, sync type, then random bytes #${i}`, [Uint8Array.from([...prefix, ...garbage])]);
      }
    });
  }, 120_000);

  test("a valid update message truncated at every byte, and its update truncated and re-wrapped", async () => {
    await expectNoFindings("truncated", async function* () {
      const update = await typedUpdate("Typed ");
      const message = frames.update(target.auditId, update);
      const positions = new Set([1, 2, 3, 5, 8, 13, 21, 34, message.length - 2, message.length - 1]);
      for (const at of positions)
        if (at < message.length) yield attack(`update message cut to ${at} of ${message.length} bytes`, [message.slice(0, at)]);
      for (let at = 0; at < update.length; at += 1) {
        const cut = update.slice(0, at);
        yield attack(`update cut to ${at} of ${update.length} bytes, re-wrapped`, [frames.update(target.auditId, cut)], {
          kind: "verdict",
          verdict: await judge.judge((await targetState()).encoded, cut),
        });
      }
    });
  }, 180_000);

  test("an oversize frame closes the socket", async () => {
    await expectNoFindings("oversize", async function* () {
      const big = new Uint8Array(LIMITS.wsMessageBytes + 1).fill(0x41);
      yield attack("a sync update carrying 4 MiB + 1 of text bytes", [frames.update(target.auditId, big)]);
      yield attack("raw bytes, 4 MiB + 1", [big]);
    });
  }, 120_000);

  test("crafted Yjs updates: bogus counts, huge lengths, dangling references, empty bytes", async () => {
    await expectNoFindings("crafted", async function* () {
      const base = await targetState();
      const [victim] = [...base.state].sort((a, b) => b[1] - a[1]);
      for (const { name, update } of craftedUpdates(0x7ee7, { client: victim[0], clock: victim[1] })) {
        for (const step of [SYNC_STEP.update, SYNC_STEP.two]) {
          const verdict = await judge.judge((await targetState()).encoded, update);
          yield attack(
            `${name} (sync step ${step === SYNC_STEP.two ? "2" : "update"}; Yjs: ${verdict.kind})`,
            [frames.update(target.auditId, update, step)],
            {
              kind: "verdict",
              verdict,
            },
          );
        }
      }
      yield attack("sync step 1 whose state vector announces 2^31 entries", [
        frames.syncStep1(target.auditId, hugeStateVector(2 ** 31 - 1)),
      ]);
      yield attack("sync step 1 with an empty state vector", [frames.syncStep1(target.auditId, new Uint8Array())]);
    });
  }, 180_000);

  test(`${MUTATIONS} seeded random mutations of real updates`, async () => {
    keepBoardOnPending = true;
    await expectNoFindings("mutations", async function* () {
      for (let i = 0; i < MUTATIONS; i += 1) {
        const real = i % 2 === 0 ? await typedUpdate(`m${i} `) : await renameUpdate(`Case 1 m${i}`);
        const mutated = mutate(real, random);
        const step = random() < 0.8 ? SYNC_STEP.update : SYNC_STEP.two;
        const verdict = await judge.judge((await targetState()).encoded, mutated);
        yield attack(
          `mutation #${i} (Yjs: ${verdict.kind}${verdict.kind === "throws" ? ` ${verdict.error.slice(0, 80)}` : ""})`,
          [frames.update(target.auditId, mutated, step)],
          {
            kind: "verdict",
            verdict,
          },
        );
      }
    });
  }, 300_000);

  test("unknown message types and sync steps, and corrupt awareness", async () => {
    await expectNoFindings("unknown types", async function* () {
      for (const type of [4, 6, 8, 11, 99, 2 ** 31 - 1])
        yield attack(`message type ${type}`, [frames.typed(target.auditId, type, randomBytes(8))]);
      for (const step of [3, 99])
        yield attack(`sync step ${step}`, [frames.typed(target.auditId, MESSAGE.sync, Uint8Array.of(step, 2, 0, 0))]);
      yield attack("awareness update announcing 2^31 clients", [
        frames.typed(target.auditId, MESSAGE.awareness, Uint8Array.of(5, 0xff, 0xff, 0xff, 0xff, 0x07)),
      ]);
      yield attack("awareness update with broken JSON", [
        frames.typed(target.auditId, MESSAGE.awareness, Uint8Array.of(8, 1, 1, 1, 4, ...new TextEncoder().encode("{x:1"))),
      ]);
      yield attack("awareness message with no payload", [frames.typed(target.auditId, MESSAGE.awareness)]);
    });
  }, 120_000);

  test("messages addressed to another audit's document leave that audit alone", async () => {
    await expectNoFindings("other audit", async function* () {
      const watched = [target.auditId, otherAuditId];
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (snapshots.get(otherAuditId) ?? (await snapshot(otherAuditId))).encoded);
      const before = Y.encodeStateVector(doc);
      updateCase(doc, readBoard(doc).cases[0].id, { label: "Renamed by an outsider" });
      const update = Y.encodeStateAsUpdate(doc, before);
      yield attack("an update for the other audit, unauthenticated there", [frames.update(otherAuditId, update)], UNCHANGED, watched);
      yield attack("a sync step 2 for the other audit", [frames.update(otherAuditId, update, SYNC_STEP.two)], UNCHANGED, watched);
      yield attack(
        "authentication for the other audit (refused), then an update for it",
        [frames.auth(otherAuditId, attackerToken), frames.update(otherAuditId, update)],
        UNCHANGED,
        watched,
      );
      yield attack(
        "an update for the other audit's meeting document",
        [frames.update(`${otherAuditId}:meeting`, update)],
        UNCHANGED,
        watched,
      );
      yield attack(
        "an update addressed to the other audit with a session suffix",
        [frames.update(`${otherAuditId}\0x`, update)],
        UNCHANGED,
        watched,
      );
    });
  }, 120_000);
});
