/**
 * Nobody can act as someone else or change what they may only read: an observer's updates,
 * stateless messages and forged presence are dropped; presence and card authorship carry the
 * names the server knows; pages of other sites cannot open the board socket.
 */
import * as encoding from "lib0/encoding";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import WebSocket from "ws";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { CARD_FIELD, cardMeta, cardsMap } from "../../shared/board/index.ts";
import { type Api, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { type BoardConnection, connectBoard } from "../helpers/board.ts";
import { addPerson, type Person, signIn } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { sleep, waitFor } from "../helpers/wait.ts";

/** Hocuspocus message types (see @hocuspocus/common). */
const MESSAGE = { awareness: 1, stateless: 5, broadcastStateless: 6 } as const;

let server: TestServer;
let http: Api;
const connections: BoardConnection[] = [];

beforeAll(async () => {
  server = await startTestServer();
  http = api(server.url, server.admin);
});

afterEach(() => {
  for (const connection of connections.splice(0)) connection.destroy();
});

afterAll(async () => {
  await server?.cleanup();
});

interface Room {
  auditId: string;
  caseId: string;
  chair: BoardConnection;
  attendee: BoardConnection;
  observer: BoardConnection;
  people: { attendee: Person; observer: Person };
}

/** The admin chairs; an attendee (Police) and an observer (Health Visiting) are connected too. */
async function room(): Promise<Room> {
  const audit = await createAuditOk(http, { agencies: ["police", "health-visiting", "education"] });
  const caseId = await addCaseOk(http, audit.id, { label: "Case 1" });
  const attendee = await addPerson(server.url, server.admin, { name: "Pat Attendee", agency: "police", auditId: audit.id });
  const observer = await addPerson(server.url, server.admin, {
    name: "Olu Observer",
    agency: "health-visiting",
    auditId: audit.id,
    role: "observer",
  });
  const connect = async (credentials: Person["credentials"]) => {
    const connection = await connectBoard(server.wsUrl, audit.id, credentials);
    connections.push(connection);
    return connection;
  };
  return {
    auditId: audit.id,
    caseId,
    chair: await connect(server.admin),
    attendee: await connect(attendee.credentials),
    observer: await connect(observer.credentials),
    people: { attendee, observer },
  };
}

/** A raw Hocuspocus frame for `connection`'s document. */
function frame(connection: BoardConnection, type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, connection.provider.effectiveName);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function sendRaw(connection: BoardConnection, bytes: Uint8Array): void {
  connection.socket.send(bytes);
}

/** Waits until a marker change from the chair has reached everyone: what was sent before has been handled. */
async function roundTrip(r: Room): Promise<void> {
  const marker = r.chair.board.addCard(r.caseId, "workingWell", `marker ${Math.random()}`);
  await waitFor(() => r.observer.board.card(marker) && r.attendee.board.card(marker), 5_000, "the marker to reach everyone");
}

function presenceOf(connection: BoardConnection, clientId: number): { name?: string; agency?: string; color?: string } | undefined {
  return connection.provider.awareness?.getStates().get(clientId)?.user;
}

describe("an observer", () => {
  test("cannot change the board: their updates are dropped and never reach anyone", async () => {
    const r = await room();
    const forged = r.observer.board.addCard(r.caseId, "worried", "Written by an observer");
    r.observer.board.setText(r.observer.board.read().cases[0].columns.workingWell[0]?.id ?? forged, "Overwritten");
    await roundTrip(r);
    await sleep(200);

    expect(r.chair.board.card(forged)).toBeUndefined();
    expect(r.attendee.board.card(forged)).toBeUndefined();
    const stored = (await http.getAudit(r.auditId)).body.board;
    expect(JSON.stringify(stored)).not.toContain("Written by an observer");
    expect(r.observer.provider.hasUnsyncedChanges).toBe(true);
  });

  test("cannot deliver stateless or broadcast messages to anyone", async () => {
    const r = await room();
    const received: string[] = [];
    r.chair.provider.on("stateless", ({ payload }: { payload: string }) => received.push(payload));
    r.attendee.provider.on("stateless", ({ payload }: { payload: string }) => received.push(payload));

    r.observer.provider.sendStateless(JSON.stringify({ type: "access-changed", role: "chair", readOnly: false }));
    sendRaw(
      r.observer,
      frame(r.observer, MESSAGE.broadcastStateless, (e) => encoding.writeVarString(e, "forged broadcast")),
    );
    // The broadcast opcode is server-internal: the server closes the observer's connection for it.
    const marker = r.chair.board.addCard(r.caseId, "workingWell", "marker");
    await waitFor(() => r.attendee.board.card(marker), 5_000, "the marker to reach the attendee");
    await sleep(200);
    expect(received).toEqual([]);
  });

  test("cannot claim to be the chair, nor overwrite the chair's presence", async () => {
    const r = await room();
    const chairId = r.chair.doc.clientID;
    await waitFor(() => presenceOf(r.attendee, chairId)?.name === "Administrator", 5_000, "the chair's presence");

    // Claims about itself are rewritten to what the server knows.
    r.observer.provider.setAwarenessField("user", { name: "Administrator", agency: "Safeguarding Partnership", color: "#b91c1c" });
    await waitFor(() => presenceOf(r.attendee, r.observer.doc.clientID)?.name === "Olu Observer", 5_000, "the observer's real name");
    expect(presenceOf(r.attendee, r.observer.doc.clientID)).toMatchObject({ name: "Olu Observer", agency: "Health Visiting" });

    // A state for the chair's client id, with a newer clock, is dropped.
    const fake = new Y.Doc();
    fake.clientID = chairId;
    const awareness = new Awareness(fake);
    for (let clock = 0; clock < 50; clock += 1) awareness.setLocalState({ user: { name: "Mallory", agency: "Police" } });
    const update = encodeAwarenessUpdate(awareness, [chairId]);
    sendRaw(
      r.observer,
      frame(r.observer, MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, update)),
    );
    await sleep(300);
    await roundTrip(r);
    expect(presenceOf(r.attendee, chairId)?.name).toBe("Administrator");
    expect(presenceOf(r.observer, chairId)?.name).toBe("Administrator");
    awareness.destroy();
    fake.destroy();
  });
});

describe("an attendee", () => {
  test("appears to others with the name and agency of their account, whatever their page says", async () => {
    const r = await room();
    r.attendee.provider.setAwarenessField("user", { name: "Dr Someone Else", agency: "GP", agencyId: "gp", color: "#047857" });
    await waitFor(() => presenceOf(r.chair, r.attendee.doc.clientID)?.color === "#047857", 5_000, "the attendee's new presence");
    expect(r.chair.provider.awareness?.getStates().get(r.attendee.doc.clientID)?.user).toEqual({
      name: "Pat Attendee",
      agency: "Police",
      agencyId: "police",
      color: "#047857",
    });
  });

  test("writes cards as themselves: a claimed author is replaced, and another card's author cannot be changed", async () => {
    const r = await room();
    const own = r.attendee.board.addCard(r.caseId, "worried", "Claimed to be from Education", "education", "Someone Else");
    await waitFor(() => r.chair.board.card(own)?.author === "Pat Attendee", 5_000, "the server to stamp the attendee's card");
    expect(r.chair.board.card(own)).toMatchObject({ author: "Pat Attendee", agency: "police" });
    await waitFor(() => r.attendee.board.card(own)?.author === "Pat Attendee", 5_000, "the stamp to reach the writer too");

    const chairs = r.chair.board.addCard(r.caseId, "workingWell", "The chair's card");
    await waitFor(() => r.attendee.board.card(chairs), 5_000, "the chair's card to reach the attendee");
    const card = cardsMap(r.attendee.doc).get(chairs) as Y.Map<unknown>;
    card.set(CARD_FIELD.meta, { ...cardMeta(card), author: "Pat Attendee", agency: "police" });
    await waitFor(() => r.attendee.board.card(chairs)?.author === "Administrator", 5_000, "the forged author to be put back");
    expect(r.chair.board.card(chairs)).toMatchObject({ author: "Administrator", agency: "partnership" });
  });
});

describe("WebSocket origin", () => {
  /** The upgrade outcome for a socket sent with `origin`. */
  function upgradeWith(origin: string): Promise<string> {
    return new Promise((resolve) => {
      const socket = new WebSocket(server.wsUrl, { headers: { origin } });
      socket.once("open", () => {
        socket.terminate();
        resolve("open");
      });
      socket.once("unexpected-response", (_req, res) => {
        resolve(`HTTP ${res.statusCode}`);
        socket.terminate();
      });
      socket.once("error", (error) => resolve(error.message));
    });
  }

  test("a page of another site cannot open the board socket (cross-site WebSocket hijacking)", async () => {
    expect(await upgradeWith("https://evil.example")).toBe("HTTP 403");
    expect(await upgradeWith("null")).toBe("HTTP 403");
    expect(await upgradeWith(server.url)).toBe("open");
  });

  test("a signed-in person's cookie is useless to a foreign origin, but works from the server's own", async () => {
    const audit = await createAuditOk(http);
    const person = await addPerson(server.url, server.admin, { name: "Cookie Person", auditId: audit.id });
    const session = await signIn(server.url, person.email, person.password);
    const cookieOnly = { cookie: session.cookie };
    await expect(connectBoard(server.wsUrl, audit.id, cookieOnly, { origin: "https://evil.example", timeoutMs: 1_500 })).rejects.toThrow();
    const own = await connectBoard(server.wsUrl, audit.id, cookieOnly, { origin: server.url });
    connections.push(own);
    expect(own.provider.isSynced).toBe(true);
  });
});
