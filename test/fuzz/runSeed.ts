/**
 * One seed of the convergence fuzz, through the real server: an audit made over REST, 5–30 real
 * clients (HocuspocusProvider over `ws`, as three people of different agencies) running the seed's
 * script with disconnects and delays. At the end every replica must equal the server's document
 * (read by a fresh client), the update log the running server has on disk, what a graceful stop
 * stored (read through the store), and what the server serves after a restart on the same DATA_DIR.
 */
import assert from "node:assert/strict";
import { setTimeout as delay } from "node:timers/promises";
import { HocuspocusProviderWebsocket, WebSocketStatus } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { Health } from "../../server/health.ts";
import { openStore, replayStoredDocument } from "../../server/store/index.ts";
import { readStoredDocument } from "../../server/store/journal/onDisk.ts";
import { COLUMN_IDS, readBoard } from "../../shared/board/index.ts";
import type { MemberView, SessionView } from "../../shared/domain/account.ts";
import type { BoardJson } from "../../shared/domain/board.ts";
import { addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { type BoardConnection, connectBoard } from "../helpers/board.ts";
import { addPerson, type Credentials } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { waitFor } from "../helpers/wait.ts";
import { applyBoardOp, type FuzzOp, isBoardOp, type Ledger, newLedger, planScript, restCase, type Writer } from "./operations.ts";
import { Random } from "./random.ts";

/** Script length when none is given (the CLI's default, so a replay command can leave it out). */
export const DEFAULT_OPS = 40;
const AGENCIES = ["police", "education", "gp"];
/** Agencies of the attendees; each person costs two argon2 hashes, so keep them few. */
const ATTENDEE_AGENCIES = ["education", "gp"];
const CONVERGE_TIMEOUT_MS = 30_000;

export interface SeedReport {
  seed: number;
  clients: number;
  ops: number;
  /** Operations that found their target on the client's replica. */
  applied: number;
  drops: number;
  /** Board operations applied while the client's socket was not connected (merged on reconnect). */
  offlineEdits: number;
  cases: number;
  cards: number;
  ms: number;
}

/** The command that runs exactly this seed again. */
export function replayCommand(seed: number, ops = DEFAULT_OPS): string {
  return `npm run fuzz -- --seed ${seed}${ops === DEFAULT_OPS ? "" : ` --ops ${ops}`}`;
}

/**
 * ws emits 'error' when a socket that is still connecting gets closed, and the provider has
 * removed its listener by then (destroy() during a reconnect attempt): unhandled, that would
 * crash the process.
 */
class QuietWebSocket extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols);
    this.on("error", () => undefined);
  }
}

/** A client's own socket, reconnecting `reconnectDelay` ms after it is dropped. */
function reconnectingSocket(url: string, reconnectDelay: number): HocuspocusProviderWebsocket {
  // minDelay must not exceed delay: otherwise the retry library throws and the socket silently never connects.
  return new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: QuietWebSocket, delay: reconnectDelay, minDelay: 10, maxDelay: 1_000 });
}

interface FuzzClient {
  name: string;
  writer: Writer;
  credentials: Credentials;
  /** Each client has its own socket, so dropping one never touches another. */
  socket: HocuspocusProviderWebsocket;
  connection: BoardConnection;
  /** False between a gentle drop and the reconnect that ends it. */
  online: boolean;
}

/** Runs `seed`; throws an error naming the seed, what differed and the command that replays it. */
export async function runSeed(seed: number, ops = DEFAULT_OPS): Promise<SeedReport> {
  const started = Date.now();
  const random = new Random(seed);
  const clientCount = random.int(5, 30);
  const caseCount = random.int(1, 3);
  const reconnectDelays = Array.from({ length: clientCount }, () => random.int(10, 150));
  const script = planScript(random, { clients: clientCount, ops, agencies: AGENCIES });

  const server = await startTestServer();
  const connections: BoardConnection[] = [];
  const sockets: HocuspocusProviderWebsocket[] = [];
  const closeClients = () => {
    for (const connection of connections.splice(0)) connection.destroy();
    for (const socket of sockets.splice(0)) socket.destroy();
  };
  try {
    const admin = api(server.url, server.admin);
    const audit = await createAuditOk(admin, { title: `Fuzz seed ${seed}`, agencies: AGENCIES });
    const initialCases: string[] = [];
    for (let i = 1; i <= caseCount; i++) initialCases.push(await addCaseOk(admin, audit.id, { label: `Case ${i}` }));
    const ledger = newLedger(initialCases);

    const people = await peopleOf(server, audit.id);
    const clients = await Promise.all(
      reconnectDelays.map(async (reconnectDelay, i): Promise<FuzzClient> => {
        const person = people[i % people.length];
        const socket = reconnectingSocket(server.wsUrl, reconnectDelay);
        sockets.push(socket);
        const connection = await connectBoard(server.wsUrl, audit.id, person.credentials, { socket });
        connections.push(connection);
        return { ...person, name: `client ${i} (${person.writer.name})`, socket, connection, online: true };
      }),
    );
    // Never writes or drops: it follows the server's document throughout.
    const observer = await connectBoard(server.wsUrl, audit.id, server.admin);
    connections.push(observer);

    const run: Run = { server, auditId: audit.id, ledger, clients, observer };
    let applied = 0;
    let offlineEdits = 0;
    for (const op of script) {
      if (op.gapMs > 0) await delay(op.gapMs);
      const offline = clients[op.client].socket.status !== WebSocketStatus.Connected;
      if (!(await runOp(op, run))) continue;
      applied++;
      if (offline && isBoardOp(op)) offlineEdits++;
    }

    await converge(clients, observer);
    const expected = await serverState(server, audit.id, "the server's document (a fresh client)", connections);
    for (const client of clients) assertSameDocument(client.name, client.connection.doc, expected);
    assertSameDocument("the observer", observer.doc, expected);
    assertLedger(expected.board, ledger);
    await assertRestBoard(server, audit.id, expected);

    // Before any graceful stop: the update log on disk must already hold the same document.
    await assertOnDisk(server, audit.id, expected);

    // Stopped with every client still connected: the stop itself must store the board.
    await server.stop();
    closeClients();
    assertSameDocument("the stored document (store.loadDocument after a graceful stop)", await storedDocument(server, audit.id), expected);

    await server.restart();
    const reloaded = await serverState(server, audit.id, "the document after a restart", connections);
    assertSameDocument("the document served after a restart on the same DATA_DIR", reloaded.doc, expected);
    await assertRestBoard(server, audit.id, expected);

    closeClients();
    await server.cleanup();
    return {
      seed,
      clients: clientCount,
      ops: script.length,
      applied,
      drops: script.filter((op) => op.kind === "drop").length,
      offlineEdits,
      cases: expected.board.cases.length,
      cards: cardIds(expected.board).length,
      ms: Date.now() - started,
    };
  } catch (error) {
    closeClients();
    await server.stop().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Convergence fuzz seed ${seed} failed: ${reason}\n  replay: ${replayCommand(seed, ops)}\n  data kept in ${server.dataDir}`,
      { cause: error },
    );
  }
}

interface Person {
  writer: Writer;
  credentials: Credentials;
}

/** The admin (who chairs the audit) and attendees of other agencies, as the server knows them. */
async function peopleOf(server: TestServer, auditId: string): Promise<Person[]> {
  const attendees = await Promise.all(
    ATTENDEE_AGENCIES.map((agency, i) => addPerson(server.url, server.admin, { name: `Attendee ${"AB"[i]}`, agency, auditId })),
  );
  const admin = api(server.url, server.admin);
  const session = (await admin.get("/api/session")).body as SessionView;
  const members = (await admin.get(`/api/audits/${auditId}/members`)).body as MemberView[];
  const writerOf = (userId: string): Writer => {
    const member = members.find((m) => m.userId === userId);
    if (!member) throw new Error(`user ${userId} is not a member of the audit`);
    return { name: member.name, agency: member.agency.id };
  };
  return [
    { writer: writerOf(session.user.id), credentials: server.admin },
    ...attendees.map((person) => ({ writer: writerOf(person.user.id), credentials: person.credentials })),
  ];
}

interface Run {
  server: TestServer;
  auditId: string;
  ledger: Ledger;
  clients: FuzzClient[];
  observer: BoardConnection;
}

/** Runs one step of the script; false when the client had nothing to apply it to. */
async function runOp(op: FuzzOp, { server, auditId, ledger, clients, observer }: Run): Promise<boolean> {
  const client = clients[op.client];
  const doc = client.connection.doc;
  switch (op.kind) {
    case "drop":
      if (op.abrupt) {
        // The TCP connection dies without a close frame; the provider reconnects after its delay.
        (client.socket.webSocket as unknown as WebSocket | null)?.terminate();
      } else {
        client.socket.disconnect();
        client.online = false;
      }
      return true;
    case "reconnect":
      client.online = true;
      reconnect(client.socket);
      return true;
    case "everyoneLeaves":
      await everyoneLeaves([...clients.map((c) => c.socket), observer.socket], op.awayMs);
      return true;
    case "restAddCard": {
      const caseId = restCase(doc, ledger, op.casePick);
      if (!caseId) return false;
      const response = await api(server.url, client.credentials).addCard(auditId, caseId, { column: op.column, text: op.text });
      assert.equal(response.status, 201, `REST addCard as ${client.name} answered ${response.status}: ${JSON.stringify(response.body)}`);
      ledger.cards.set(response.body.id, caseId);
      return true;
    }
    default:
      return applyBoardOp(doc, op, client.writer, ledger);
  }
}

/**
 * Connects a socket that was disconnected on purpose. The provider ignores connect() while the
 * close it started is still under way (its status still says connected) and then stays offline
 * for good, so connect only once the close has happened.
 */
function reconnect(socket: HocuspocusProviderWebsocket): void {
  if (socket.status === WebSocketStatus.Disconnected) {
    void socket.connect();
    return;
  }
  const afterClose = () => {
    socket.off("disconnect", afterClose);
    void socket.connect();
  };
  socket.on("disconnect", afterClose);
}

/** Disconnects every socket still connected (the server then unloads the board), and brings them back after `awayMs`. */
async function everyoneLeaves(sockets: HocuspocusProviderWebsocket[], awayMs: number): Promise<void> {
  const leaving = sockets.filter((socket) => socket.shouldConnect);
  for (const socket of leaving) socket.disconnect();
  await delay(awayMs);
  for (const socket of leaving) reconnect(socket);
}

/** Reconnects everyone, then waits until the server has acknowledged everything and every replica matches it. */
async function converge(clients: FuzzClient[], observer: BoardConnection): Promise<void> {
  for (const client of clients.filter((c) => !c.online)) {
    client.online = true;
    reconnect(client.socket);
  }
  const lagging = () => {
    const server = Y.snapshot(observer.doc);
    return clients.filter(
      ({ socket, connection }) =>
        socket.status !== WebSocketStatus.Connected ||
        connection.provider.hasUnsyncedChanges ||
        !Y.equalSnapshots(Y.snapshot(connection.doc), server),
    );
  };
  try {
    await waitFor(() => lagging().length === 0, CONVERGE_TIMEOUT_MS, "every client to be acknowledged and equal to the server");
  } catch (error) {
    const server = Y.snapshot(observer.doc);
    const report = lagging().map(
      ({ name, socket, connection }) =>
        `${name}: ${socket.status}, ${connection.provider.unsyncedChanges} unsynced, ${
          Y.equalSnapshots(Y.snapshot(connection.doc), server) ? "same" : "different"
        } state`,
    );
    throw new Error(`${(error as Error).message}\n    ${report.join("\n    ")}`);
  }
}

interface DocumentState {
  doc: Y.Doc;
  board: BoardJson;
  stateVector: Uint8Array;
  snapshot: Y.Snapshot;
}

function stateOf(doc: Y.Doc): DocumentState {
  return { doc, board: readBoard(doc, { rich: true }), stateVector: Y.encodeStateVector(doc), snapshot: Y.snapshot(doc) };
}

/** The server's document as a client that has just connected receives it. */
async function serverState(server: TestServer, auditId: string, what: string, connections: BoardConnection[]): Promise<DocumentState> {
  const fresh = await connectBoard(server.wsUrl, auditId, server.admin).catch((error: Error) => {
    throw new Error(`${what}: ${error.message}`);
  });
  connections.push(fresh);
  return stateOf(fresh.doc);
}

async function storedDocument(server: TestServer, auditId: string): Promise<Y.Doc> {
  const store = await openStore({ dataDir: server.dataDir }, new Health());
  try {
    const state = await store.loadDocument(auditId);
    assert.ok(state, "the store has no document for the audit after a graceful stop");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc;
  } finally {
    await store.close();
  }
}

/**
 * What the running server has written to disk: its compacted state and update log, read the way
 * the store reads them (a second store cannot open the locked DATA_DIR). The clients' updates are
 * on disk before they are acknowledged; the server's own repairs follow within an fsync, so poll.
 */
async function assertOnDisk(server: TestServer, auditId: string, expected: DocumentState): Promise<void> {
  const read = async () => {
    const doc = new Y.Doc();
    replayStoredDocument(doc, await readStoredDocument(server.dataDir, auditId), auditId);
    return doc;
  };
  const what = "the update log on disk of the running server (before any stop)";
  const same = async () => {
    assertSameDocument(what, await read(), expected);
    return true;
  };
  await waitFor(same, 5_000, "the log on disk to hold the server's document").catch(async () => same());
}

/** Same board (rich text included), same state vector, same deletions. */
function assertSameDocument(name: string, doc: Y.Doc, expected: DocumentState): void {
  const actual = stateOf(doc);
  try {
    assert.deepStrictEqual(actual.board, expected.board);
    assert.deepStrictEqual(actual.stateVector, expected.stateVector, "state vectors differ");
    assert.ok(Y.equalSnapshots(actual.snapshot, expected.snapshot), "same state vector, but different deletions");
  } catch (error) {
    (error as Error).message = `${name} differs from the server's document: ${(error as Error).message}`;
    throw error;
  }
}

async function assertRestBoard(server: TestServer, auditId: string, expected: DocumentState): Promise<void> {
  const response = await api(server.url, server.admin).getAudit(auditId);
  assert.equal(response.status, 200, `GET /api/audits/${auditId} answered ${response.status}`);
  // Through JSON, as REST sends it (fields that are undefined are left out).
  const board = JSON.parse(JSON.stringify(readBoard(expected.doc)));
  assert.deepStrictEqual(response.body.board, board, "the board from GET /api/audits/:id differs from the server's document");
}

function cardIds(board: BoardJson): string[] {
  return board.cases.flatMap((c) => COLUMN_IDS.flatMap((column) => c.columns[column].map((card) => card.id)));
}

/**
 * Equality alone would also pass if everyone lost the same edits: every card and case some
 * replica added and nobody deleted must be there, everything deleted must be gone, and no card
 * keeps an author or agency its writer claimed falsely.
 */
function assertLedger(board: BoardJson, ledger: Ledger): void {
  const cards = new Set(cardIds(board));
  const cases = new Set(board.cases.map((c) => c.id));
  for (const [id, caseId] of ledger.cards) {
    if (ledger.deletedCards.has(id) || ledger.deletedCases.has(caseId)) continue;
    assert.ok(cards.has(id), `card ${id} (case ${caseId}) was added and never deleted, but is not on the board`);
  }
  for (const id of ledger.deletedCards) assert.ok(!cards.has(id), `card ${id} was deleted, but is on the board`);
  for (const id of ledger.cases) {
    assert.equal(cases.has(id), !ledger.deletedCases.has(id), `case ${id} was ${ledger.deletedCases.has(id) ? "deleted" : "added"}`);
  }
  for (const c of board.cases) {
    for (const card of COLUMN_IDS.flatMap((column) => c.columns[column])) {
      assert.ok(card.author !== "Someone else" && card.agency !== "spoofed-agency", `card ${card.id} kept a spoofed author or agency`);
    }
  }
}
