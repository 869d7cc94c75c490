/**
 * Live collaboration over real sockets: HocuspocusProviders on one audit converge on edits
 * made through the shared board functions, REST changes reach connected clients, and unknown
 * audits are refused without disturbing anyone else.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { COLUMN_IDS } from "../../shared/board/index.ts";
import type { BoardJson } from "../../shared/domain/board.ts";
import { type Api, addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { type BoardConnection, connectBoard } from "../helpers/board.ts";
import { addPerson, type Credentials } from "../helpers/people.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { waitFor } from "../helpers/wait.ts";

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

async function connect(auditId: string, credentials: Credentials): Promise<BoardConnection> {
  const connection = await connectBoard(server.wsUrl, auditId, credentials);
  connections.push(connection);
  return connection;
}

/** An audit with one case made through REST, and two attendees (Education, GP) connected to it. */
async function twoPeopleOnOneCase() {
  const audit = await createAuditOk(http, { agencies: ["police", "education", "gp"] });
  const caseId = await addCaseOk(http, audit.id, { label: "Case 1" });
  const alicePerson = await addPerson(server.url, server.admin, { name: "Alice", agency: "education", auditId: audit.id });
  const bobPerson = await addPerson(server.url, server.admin, { name: "Bob", agency: "gp", auditId: audit.id });
  const alice = await connect(audit.id, alicePerson.credentials);
  const bob = await connect(audit.id, bobPerson.credentials);
  return { auditId: audit.id, caseId, alice, bob };
}

function cardIds(board: BoardJson): string[] {
  return board.cases.flatMap((c) => COLUMN_IDS.flatMap((column) => c.columns[column].map((card) => card.id)));
}

describe("two people on one audit", () => {
  test("both clients receive the board as the server has it when they connect", async () => {
    const { auditId, caseId, alice, bob } = await twoPeopleOnOneCase();
    const fromRest = (await http.getAudit(auditId)).body.board;
    expect(fromRest.cases.map((c) => c.id)).toEqual([caseId]);
    expect(alice.board.read()).toEqual(fromRest);
    expect(bob.board.read()).toEqual(fromRest);
  });

  test("a card added by one person appears for the other with its text, and the author and agency the server knows", async () => {
    const { caseId, alice, bob } = await twoPeopleOnOneCase();
    // The client claims to be "Test user" of Police; the server stamps Alice of Education.
    const cardId = alice.board.addCard(caseId, "worried", "Father's history not known to school", "police", "Test user");

    const seen = await waitFor(
      () => (bob.board.card(cardId)?.author === "Alice" ? bob.board.card(cardId) : undefined),
      5_000,
      "Bob to receive Alice's card",
    );
    expect(seen).toMatchObject({
      caseId,
      column: "worried",
      text: "Father's history not known to school",
      agency: "education",
      author: "Alice",
    });
    expect(bob.board.column(caseId, "worried")).toEqual(["Father's history not known to school"]);
  });

  test("text edits, moves and deletions made on one client show up on the other and on the server", async () => {
    const { auditId, caseId, alice, bob } = await twoPeopleOnOneCase();
    const first = alice.board.addCard(caseId, "workingWell", "Strategy discussion held promptly");
    const second = alice.board.addCard(caseId, "workingWell", "GP attended conference");
    const doomed = alice.board.addCard(caseId, "worried", "Duplicate note");
    await waitFor(() => bob.board.card(doomed), 5_000, "Bob to receive the three cards");

    bob.board.setText(first, "Strategy discussion held within 24 hours");
    bob.board.moveCard(second, "needsToHappen", 0);
    bob.board.deleteCard(doomed);

    await waitFor(
      () =>
        alice.board.card(first)?.text === "Strategy discussion held within 24 hours" &&
        alice.board.card(second)?.column === "needsToHappen" &&
        alice.board.card(doomed) === undefined,
      5_000,
      "Alice to see Bob's edit, move and deletion",
    );
    expect(alice.board.read()).toEqual(bob.board.read());
    expect(alice.board.column(caseId, "workingWell")).toEqual(["Strategy discussion held within 24 hours"]);
    expect(alice.board.column(caseId, "needsToHappen")).toEqual(["GP attended conference"]);

    await bob.board.flushed();
    const fromRest = (await http.getAudit(auditId)).body.board;
    expect(fromRest).toEqual(alice.board.read());
  });

  test("simultaneous moves of the same card by both people converge to one place on both clients", async () => {
    const { caseId, alice, bob } = await twoPeopleOnOneCase();
    const ids = ["one", "two", "three"].map((text) => alice.board.addCard(caseId, "workingWell", text));
    await waitFor(() => bob.board.card(ids[2]), 5_000, "Bob to receive the cards");

    // Neither has seen the other's move when making their own.
    alice.board.moveCard(ids[0], "worried", 0);
    bob.board.moveCard(ids[0], "needsToHappen", 0);
    alice.board.moveCard(ids[2], "workingWell", 0);
    bob.board.moveCard(ids[2], "worried", 1);

    await waitFor(
      () => JSON.stringify(alice.board.read()) === JSON.stringify(bob.board.read()),
      5_000,
      "both clients to show the same board",
    );
    const board = alice.board.read();
    const shown = cardIds(board);
    expect([...shown].sort()).toEqual([...ids].sort());
    expect(new Set(shown).size).toBe(3);
    expect(["worried", "needsToHappen"]).toContain(alice.board.card(ids[0])?.column);
  });
});

describe("REST changes reach connected clients", () => {
  test("a card created with POST /api/audits/:id/cases/:caseId/cards appears live in a connected client", async () => {
    const { auditId, caseId, alice } = await twoPeopleOnOneCase();
    const cardId = await addCardOk(http, auditId, caseId, {
      column: "needsToHappen",
      text: "Refer to MARAC",
      agency: "police",
    });

    const card = await waitFor(() => alice.board.card(cardId), 5_000, "the REST card to reach Alice");
    // Written by the admin (who chairs the audit) on behalf of Police: the author is who called.
    expect(card).toMatchObject({ column: "needsToHappen", text: "Refer to MARAC", agency: "police", author: "Administrator" });
  });

  test("a case created with POST /api/audits/:id/cases appears live, and a client can add cards to it at once", async () => {
    const { auditId, alice, bob } = await twoPeopleOnOneCase();
    const caseId = await addCaseOk(http, auditId, { label: "Case 2", ageBand: "11-15" });

    await waitFor(() => alice.board.read().cases.some((c) => c.id === caseId), 5_000, "the REST case to reach Alice");
    expect(alice.board.read().cases.map((c) => c.label)).toEqual(["Case 1", "Case 2"]);
    const cardId = alice.board.addCard(caseId, "worried", "Missed health appointments");
    await waitFor(() => bob.board.card(cardId), 5_000, "Bob to receive the card on the new case");
  });
});

describe("unknown audits", () => {
  test("a client for an unknown audit id is refused and never syncs, while the server keeps serving other audits", async () => {
    const { caseId, alice, bob } = await twoPeopleOnOneCase();

    await expect(connectBoard(server.wsUrl, "nosuchaudit00000", server.admin, { timeoutMs: 5_000 })).rejects.toThrow(/refused/);
    await expect(connectBoard(server.wsUrl, "../../maca", server.admin, { timeoutMs: 5_000 })).rejects.toThrow(/refused/);

    // Nothing was created for the refused names.
    expect(existsSync(path.join(server.dataDir, "docs", "nosuchaudit00000.ydoc"))).toBe(false);
    expect((await http.getAudit("nosuchaudit00000")).status).toBe(404);
    expect((await http.listAudits()).body.map((a) => a.id)).not.toContain("nosuchaudit00000");

    // The people already connected still collaborate.
    const cardId = bob.board.addCard(caseId, "workingWell", "Still collaborating");
    await waitFor(() => alice.board.card(cardId), 5_000, "Alice to keep receiving Bob's cards");
  });
});
