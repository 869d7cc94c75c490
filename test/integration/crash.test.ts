/**
 * kill -9 while people edit: the server runs as a child process; several real providers add cards
 * and type into them without pause; the server is SIGKILLed at seeded random moments and started
 * again on the same data folder and port. After each restart a fresh client must find every edit
 * the server had acknowledged (exactly, per AckTracker); unacknowledged edits may be lost. At the
 * end the surviving providers reconnect by themselves, every replica equals the server's document,
 * and a graceful stop and start serves that same document from disk.
 *
 * Writers in each round are fresh clients that die with the server (like closed tabs), so their
 * unacknowledged edits are really gone. Two "survivors" live through the whole run; while the
 * server is down they are held offline (and keep editing) until the fresh client has checked
 * storage, since on reconnecting they re-send everything they hold and would hide any loss.
 *
 * Replay: CRASH_SEED=<seed> npx vitest run test/integration/crash.test.ts
 */
import { HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { afterAll, expect, test } from "vitest";
import * as Y from "yjs";
import { COLUMN_IDS, cardBody, orderedCaseIds, readBoard } from "../../shared/board/index.ts";
import type { BoardJson } from "../../shared/domain/board.ts";
import { AckTracker } from "../helpers/acknowledged.ts";
import { api, createAuditOk } from "../helpers/api.ts";
import { type BoardConnection, connectBoard } from "../helpers/board.ts";
import { type ChildServer, startChildServer } from "../helpers/childServer.ts";
import { addPerson, type Credentials } from "../helpers/people.ts";
import { seededRandom } from "../helpers/replicas.ts";
import { sleep, waitFor } from "../helpers/wait.ts";

const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Kills where the survivors are held offline until storage has been checked. */
const CHECKED_KILLS = 9;
const ROUND_WRITERS = 3;
const SURVIVORS = 2;
const CASES = 3;

console.log(`crash test seed ${SEED} (replay: CRASH_SEED=${SEED} npx vitest run test/integration/crash.test.ts)`);
const random = seededRandom(SEED);
const between = (low: number, high: number) => low + Math.floor(random() * (high - low));

/** What one writer's card should read, as of its own clock. */
interface CardHistory {
  caseId: string;
  /** Texts after each edit of the card, with the writer's clock just after that edit. */
  texts: { clock: number; text: string }[];
}

/** A real provider editing its own cards continuously, with exact acknowledgement tracking. */
class Writer {
  readonly tracker: AckTracker;
  readonly cards = new Map<string, CardHistory>();
  readonly clientId: number;
  /** Times the provider's unsyncedChanges fell to 0 while the server had not acknowledged every edit. */
  prematureSaved = 0;
  private timer: NodeJS.Timeout | undefined;
  private counter = 0;

  private constructor(
    readonly name: string,
    readonly connection: BoardConnection,
    readonly socket: HocuspocusProviderWebsocket,
    tracker: AckTracker,
  ) {
    this.tracker = tracker;
    this.clientId = connection.doc.clientID;
  }

  static async connect(name: string, server: ChildServer, auditId: string, credentials: Credentials): Promise<Writer> {
    const doc = new Y.Doc();
    const tracker = new AckTracker(doc);
    const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl, WebSocketPolyfill: tracker.webSocketClass() });
    const connection = await connectBoard(server.wsUrl, auditId, credentials, { socket, doc, timeoutMs: 20_000 }).catch((error) => {
      socket.destroy();
      throw error;
    });
    const writer = new Writer(name, connection, socket, tracker);
    // The provider's own "everything saved" signal, checked against the wire (reported, not asserted).
    connection.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
      if (number === 0 && !tracker.allAcknowledged) writer.prematureSaved += 1;
    });
    return writer;
  }

  get doc(): Y.Doc {
    return this.connection.doc;
  }

  /** Edits every 80–200 ms until stop(): a new card (40 %) or a few letters typed at the end of one of its own. */
  start(): void {
    const tick = () => {
      this.editOnce();
      this.timer = setTimeout(tick, between(80, 200));
    };
    this.timer = setTimeout(tick, between(0, 30));
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private editOnce(): void {
    const own = [...this.cards.keys()];
    if (own.length === 0 || random() < 0.4) {
      const caseIds = orderedCaseIds(this.doc).map((c) => c.id);
      const caseId = caseIds[between(0, caseIds.length)];
      this.counter += 1;
      const text = `${this.name} card ${this.counter}`;
      const column = COLUMN_IDS[between(0, COLUMN_IDS.length)];
      const id = this.connection.board.addCard(caseId, column, text, "police", this.name);
      this.cards.set(id, { caseId, texts: [{ clock: this.tracker.clock, text }] });
      return;
    }
    const id = own[between(0, own.length)];
    const history = this.cards.get(id);
    const paragraph = cardBody(this.doc, id)?.get(0);
    const line = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
    if (!history || !(line instanceof Y.XmlText)) throw new Error(`${this.name}: card ${id} has no text to type into`);
    // What the editor does on a keystroke: insert into the paragraph's text, at the caret (the end).
    const letters = "abcdefghijklmnopqrstuvwxyz".slice(0, between(1, 4));
    this.doc.transact(() => line.insert(line.length, letters));
    const text = `${history.texts[history.texts.length - 1].text}${letters}`;
    history.texts.push({ clock: this.tracker.clock, text });
  }

  /** Resolves once the socket to the killed server has closed (its last acks read) and no reconnect is pending. */
  async holdOffline(): Promise<void> {
    let closed = false;
    void this.tracker.whenCurrentSocketsClose().then(() => {
      closed = true;
    });
    await waitFor(() => closed, 10_000, `${this.name}'s socket to close after the kill`);
    this.socket.disconnect();
  }

  destroy(): void {
    this.stop();
    this.connection.destroy();
    this.socket.destroy();
  }

  /**
   * Every edit of this writer acknowledged up to clock `acknowledged` that `board` (the server's
   * document) lacks. The clock is read before the restart: survivors that reconnect by themselves
   * get later edits acknowledged by the new server, after the fresh client has read the board.
   */
  missingFrom(board: BoardJson, serverState: Map<number, number>, acknowledged: number): string[] {
    const missing: string[] = [];
    const held = serverState.get(this.clientId) ?? 0;
    if (held < acknowledged)
      missing.push(`${this.name}: the server holds its edits up to clock ${held}, ${acknowledged} were acknowledged`);
    const found = new Map(
      board.cases.flatMap((c) => COLUMN_IDS.flatMap((column) => c.columns[column].map((card) => [card.id, card] as const))),
    );
    for (const [id, history] of this.cards) {
      const expected = history.texts.filter((t) => t.clock <= acknowledged).at(-1);
      if (!expected) continue;
      const card = found.get(id);
      if (!card) missing.push(`${this.name}: acknowledged card "${expected.text}" is missing`);
      else if (card.caseId !== history.caseId) missing.push(`${this.name}: card "${expected.text}" moved to another case`);
      else if (!card.text.startsWith(expected.text))
        missing.push(`${this.name}: card reads "${card.text}", acknowledged "${expected.text}"`);
    }
    return missing;
  }

  acknowledgedEdits(acknowledged = this.tracker.acknowledgedClock): number {
    return [...this.cards.values()].reduce((n, h) => n + h.texts.filter((t) => t.clock <= acknowledged).length, 0);
  }

  edits(): number {
    return [...this.cards.values()].reduce((n, h) => n + h.texts.length, 0);
  }
}

let server: ChildServer | undefined;
const everyone: Writer[] = [];

afterAll(async () => {
  for (const writer of everyone) writer.destroy();
  await server?.cleanup();
});

/** The server's document as a fresh client loads it. */
async function serverDocument(at: ChildServer, auditId: string): Promise<{ board: BoardJson; state: Map<number, number> }> {
  const fresh = await connectBoard(at.wsUrl, auditId, at.admin, { timeoutMs: 20_000 });
  try {
    return { board: readBoard(fresh.doc, { rich: true }), state: Y.decodeStateVector(Y.encodeStateVector(fresh.doc)) };
  } finally {
    fresh.destroy();
  }
}

function stateOf(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

test("no acknowledged edit is lost when the server is killed with SIGKILL again and again; replicas then equal storage", async () => {
  server = await startChildServer();
  const running = server;
  const http = api(running.url, running.admin);
  const audit = await createAuditOk(http, { title: "Crash audit", theme: "Neglect" });
  const people = await Promise.all(
    Array.from({ length: SURVIVORS + ROUND_WRITERS }, (_, i) =>
      addPerson(running.url, running.admin, { name: `Attendee ${"ABCDEFGH"[i]}`, auditId: audit.id }),
    ),
  );
  const fail = (message: string) => `${message}\nseed ${SEED}\nserver output (tail):\n${running.output().slice(-4_000)}`;

  const survivors = await Promise.all(
    people.slice(0, SURVIVORS).map((p, i) => Writer.connect(`Survivor ${i + 1}`, running, audit.id, p.credentials)),
  );
  everyone.push(...survivors);
  for (let i = 1; i <= CASES; i += 1) survivors[0].connection.board.addCase(`Case ${i}`);
  await waitFor(() => survivors[0].tracker.allAcknowledged, 10_000, "the cases to be acknowledged");

  const totalKills = CHECKED_KILLS + 1;
  for (let kill = 1; kill <= totalKills; kill += 1) {
    const last = kill === totalKills;
    const roundStart = Date.now();
    const writers = await Promise.all(
      people.slice(SURVIVORS).map((p, i) => Writer.connect(`Round ${kill} writer ${i + 1}`, running, audit.id, p.credentials)),
    );
    everyone.push(...writers);
    for (const writer of [...survivors, ...writers]) writer.start();

    const editMs = between(300, 1_500);
    await sleep(editMs);
    const atKill = survivors
      .map((s) => `[${s.socket.status}, synced ${s.connection.provider.isSynced}, ${s.tracker.describe()}]`)
      .join(" ");
    await running.kill9();
    for (const writer of writers) writer.stop();
    // The providers read whatever acks the server sent before it died, then notice the close.
    await Promise.all(writers.map((w) => w.holdOffline()));
    if (last) await Promise.all(survivors.map((s) => s.tracker.whenCurrentSocketsClose()));
    else await Promise.all(survivors.map((s) => s.holdOffline()));
    for (const writer of writers) writer.destroy();
    // Every ack the killed server sent has been read; nothing more can be acknowledged until the restart.
    const acknowledgedAtKill = new Map(everyone.map((w) => [w, w.tracker.acknowledgedClock]));

    const restarting = Date.now();
    await running.restart();
    const loading = Date.now();
    const { board, state } = await serverDocument(running, audit.id);
    const loaded = Date.now();
    const missing = everyone.flatMap((w) => w.missingFrom(board, state, acknowledgedAtKill.get(w) ?? 0));
    const acknowledged = everyone.reduce((n, w) => n + w.acknowledgedEdits(acknowledgedAtKill.get(w)), 0);
    const made = everyone.reduce((n, w) => n + w.edits(), 0);
    console.log(
      `kill ${kill}/${totalKills} after ${editMs} ms of editing: ${acknowledged} of ${made} edits acknowledged so far, ` +
        `${missing.length} acknowledged edits missing; restart ${loading - restarting} ms, board load ${loaded - loading} ms, ` +
        `round ${Date.now() - roundStart} ms; survivors at the kill: ${atKill}`,
    );
    expect(missing, fail(`after kill ${kill}, acknowledged edits are missing:\n${missing.slice(0, 20).join("\n")}`)).toEqual([]);
    if (!last) for (const survivor of survivors) void survivor.socket.connect();
  }

  // The survivors reconnected by themselves after the last kill; they stop editing and settle.
  for (const survivor of survivors) survivor.stop();
  await waitFor(
    () => survivors.every((s) => s.connection.provider.isSynced && s.tracker.allAcknowledged),
    20_000,
    "the survivors to reconnect and have every edit acknowledged",
  );
  const watcher = await connectBoard(running.wsUrl, audit.id, running.admin, { timeoutMs: 20_000 });
  try {
    await waitFor(
      () => survivors.every((s) => JSON.stringify([...stateOf(s.doc)].sort()) === JSON.stringify([...stateOf(watcher.doc)].sort())),
      20_000,
      "every replica to reach the server's state",
    );
    const served = readBoard(watcher.doc, { rich: true });
    for (const survivor of survivors)
      expect(readBoard(survivor.doc, { rich: true }), fail(`${survivor.name} differs from the server`)).toEqual(served);
  } finally {
    watcher.destroy();
  }
  const replica = { board: readBoard(survivors[0].doc, { rich: true }), state: stateOf(survivors[0].doc) };
  expect(replica.board.cases.length).toBe(CASES);
  for (const survivor of survivors) survivor.destroy();

  // A graceful stop stores it; what comes back from disk is the same document.
  await running.stop();
  await running.restart();
  const reloaded = await serverDocument(running, audit.id);
  expect(reloaded.board, fail("the board reloaded from disk differs from the replicas")).toEqual(replica.board);
  expect([...reloaded.state].sort(), fail("the state vector reloaded from disk differs")).toEqual([...replica.state].sort());
  const missing = everyone.flatMap((w) => w.missingFrom(reloaded.board, reloaded.state, w.tracker.acknowledgedClock));
  expect(missing, fail(`after the graceful restart, acknowledged edits are missing:\n${missing.join("\n")}`)).toEqual([]);
  expect(everyone.flatMap((w) => w.tracker.anomalies)).toEqual([]);
  const premature = everyone.reduce((n, w) => n + w.prematureSaved, 0);
  console.log(`the provider's unsyncedChanges reached 0 ${premature} times while acknowledgements were still due`);
}, 180_000);
