/**
 * Idle boards leave the server's memory: once the last client has gone (or a REST call that
 * opened the board has finished), Hocuspocus unloads the document, and the next client loads it
 * back from disk intact. A loaded 60-case board costs about 11 MB of heap, so a server must not
 * keep every board anyone ever opened.
 *
 * startServer does not expose its Hocuspocus engine; a spy on Hocuspocus.prototype.configure
 * (called by the engine's constructor, passed through unchanged) tells the test which engine the
 * server built, so the test can read its document count.
 */
import { Hocuspocus } from "@hocuspocus/server";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api, createAuditOk } from "../helpers/api.ts";
import { type BoardConnection, connectBoard } from "../helpers/board.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { waitFor } from "../helpers/wait.ts";

let server: TestServer | undefined;
const connections: BoardConnection[] = [];
let engine: () => Hocuspocus;

beforeEach(async () => {
  const configure = vi.spyOn(Hocuspocus.prototype, "configure");
  server = await startTestServer();
  const engines = configure.mock.contexts as Hocuspocus[];
  expect(engines).toHaveLength(1);
  engine = () => engines[0];
});

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  await server?.cleanup();
  server = undefined;
  vi.restoreAllMocks();
});

async function connect(auditId: string): Promise<BoardConnection> {
  if (!server) throw new Error("no server");
  const connection = await connectBoard(server.wsUrl, auditId, server.admin);
  connections.push(connection);
  return connection;
}

function leave(connection: BoardConnection): void {
  connection.destroy();
  connections.splice(connections.indexOf(connection), 1);
}

const openDocuments = () => engine().getDocumentsCount();
const unloaded = () => waitFor(() => openDocuments() === 0, 20_000, "the server to unload every board");

describe("an idle board", () => {
  test("is unloaded when its last client leaves, and loads back intact for the next one", async () => {
    if (!server) throw new Error("no server");
    const audit = await createAuditOk(api(server.url, server.admin), { title: "Unload audit" });
    await unloaded();

    const first = await connect(audit.id);
    const second = await connect(audit.id);
    expect(openDocuments()).toBe(1);
    const caseId = first.board.addCase("Case 1");
    const cardId = first.board.addCard(caseId, "worried", "Child A's voice is missing from the plan.");
    await first.board.flushed();
    await waitFor(() => second.board.card(cardId), 5_000, "the card to reach the second client");

    leave(first);
    // One client still has it open: it stays loaded.
    expect(openDocuments()).toBe(1);
    leave(second);
    await unloaded();

    const next = await connect(audit.id);
    expect(openDocuments()).toBe(1);
    expect(next.board.card(cardId)?.text).toBe("Child A's voice is missing from the plan.");
    expect(next.board.read().cases.map((c) => c.label)).toEqual(["Case 1"]);
  });

  test("a late unload of an instance already gone leaves the board loaded since alone", async () => {
    if (!server) throw new Error("no server");
    const audit = await createAuditOk(api(server.url, server.admin), { title: "Late unload audit" });
    await unloaded();
    const first = await connect(audit.id);
    const gone = engine().documents.get(audit.id);
    leave(first);
    await unloaded();

    const second = await connect(audit.id);
    const current = engine().documents.get(audit.id);
    // What Hocuspocus does when a connection to the old instance finishes closing only now: it
    // unloads by name, so without a guard this drops the current instance from its map.
    if (gone) await engine().unloadDocument(gone);
    expect(engine().documents.get(audit.id)).toBe(current);

    // Someone who opens the board now works on the same board as the person already there.
    const third = await connect(audit.id);
    expect(openDocuments()).toBe(1);
    const caseId = second.board.addCase("Case 1");
    const cardId = second.board.addCard(caseId, "worried", "Written after the late unload.");
    await second.board.flushed();
    await waitFor(() => third.board.card(cardId), 5_000, "the card to reach the person who came after");

    leave(second);
    leave(third);
    await unloaded();
    const next = await connect(audit.id);
    expect(next.board.card(cardId)?.text).toBe("Written after the late unload.");
  });

  test("opened by a REST read with nobody connected is unloaded again afterwards", async () => {
    if (!server) throw new Error("no server");
    const http = api(server.url, server.admin);
    const audit = await createAuditOk(http, { title: "REST read audit" });
    await unloaded();

    const read = await http.getAudit(audit.id);
    expect(read.status).toBe(200);
    await unloaded();
  });
});
