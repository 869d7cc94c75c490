/**
 * What survives a restart: boards changed through REST and through live clients are stored by a
 * graceful stop() and read back identically from the same DATA_DIR; the demo audit is seeded once.
 */
import { afterEach, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { Health } from "../../server/health.ts";
import { openStore } from "../../server/store/index.ts";
import { COLUMN_IDS, readBoard } from "../../shared/board/index.ts";
import { type Api, addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { type BoardConnection, connectBoard } from "../helpers/board.ts";
import { startTestServer, type TestServer, type TestServerOptions } from "../helpers/server.ts";
import { waitFor } from "../helpers/wait.ts";

const servers: TestServer[] = [];
const connections: BoardConnection[] = [];

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  for (const server of servers.splice(0).reverse()) await server.cleanup();
});

async function start(options: TestServerOptions = {}): Promise<{ server: TestServer; http: () => Api }> {
  const server = await startTestServer(options);
  servers.push(server);
  // The URL changes on restart, so build the client on each use.
  return { server, http: () => api(server.url, server.admin) };
}

describe("a graceful restart", () => {
  test("keeps every case and card made through REST and through a live client, with the same text and order", async () => {
    const { server, http } = await start();
    const audit = await createAuditOk(http(), { title: "Strategy discussion to 1st core group", agencies: ["police", "gp", "education"] });
    const case1 = await addCaseOk(http(), audit.id, { label: "Case 1", ageBand: "0-4", plan: "cp", summary: "Three siblings" });
    const case2 = await addCaseOk(http(), audit.id, { label: "Case 2" });
    const restCards = [
      await addCardOk(http(), audit.id, case1, { column: "workingWell", text: "Strategy discussion within 24h", agency: "police" }),
      await addCardOk(http(), audit.id, case1, { column: "workingWell", text: "GP at the conference", agency: "gp" }),
      await addCardOk(http(), audit.id, case2, { column: "worried", text: "Low school attendance\nNo home visits", agency: "education" }),
    ];

    const live = await connectBoard(server.wsUrl, audit.id, server.admin);
    connections.push(live);
    const case3 = live.board.addCase("Case 3");
    const liveCards = [
      live.board.addCard(case3, "worried", "Disguised compliance", "police", "Chair"),
      live.board.addCard(case3, "needsToHappen", "Escalate to CSC team manager", "education", "Chair"),
      live.board.addCard(case1, "needsToHappen", "Invite GP to core groups", "gp", "Chair"),
    ];
    live.board.setText(restCards[1], "GP attended the initial conference");
    live.board.moveCard(restCards[0], "workingWell", 1);

    // The server has every live change in memory (well inside the store's debounce) ...
    const before = await waitFor(
      async () => {
        const read = await http().getAudit(audit.id);
        const ids = read.body.board.cases.flatMap((c) => COLUMN_IDS.flatMap((column) => c.columns[column].map((card) => card.id)));
        const texts = read.body.board.cases[0]?.columns.workingWell.map((c) => c.text);
        return liveCards.every((id) => ids.includes(id)) && texts?.[0] === "GP attended the initial conference" ? read.body : undefined;
      },
      5_000,
      "the server to hold the live client's changes",
    );
    expect(before.board.cases.map((c) => c.label)).toEqual(["Case 1", "Case 2", "Case 3"]);
    expect(before.board.cases[0].columns.workingWell.map((c) => c.text)).toEqual([
      "GP attended the initial conference",
      "Strategy discussion within 24h",
    ]);

    // Changes made after the last REST read exist only in the server's memory: the store is
    // debounced, and nothing else writes the board while the client stays connected.
    const lastMinute = live.board.addCard(case2, "needsToHappen", "Added a moment before the server stopped", "police", "Chair");
    live.board.setText(liveCards[0], "Disguised compliance by both parents");
    await live.board.flushed();
    const expected = live.board.read();
    expect(expected.cases[1].columns.needsToHappen.map((c) => c.id)).toEqual([lastMinute]);

    // stop() with the client still connected must have stored the board by the time it resolves.
    await server.stop();
    const store = await openStore({ dataDir: server.dataDir }, new Health());
    const stored = await store.loadDocument(audit.id);
    await store.close();
    live.destroy();
    expect(stored).toBeDefined();
    const storedDoc = new Y.Doc();
    Y.applyUpdate(storedDoc, stored as Uint8Array);
    expect(readBoard(storedDoc)).toEqual(expected);

    await server.restart();
    const after = await http().getAudit(audit.id);
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ ...before, board: expected });
    expect(after.body.board.cases[1].columns.worried[0].text).toBe("Low school attendance\nNo home visits");
    expect((await http().listAudits()).body.map((a) => a.id)).toEqual([audit.id]);

    // A client connecting after the restart gets the same stored document.
    const reader = await connectBoard(server.wsUrl, audit.id, server.admin);
    connections.push(reader);
    expect(reader.board.read()).toEqual(expected);
  });

  test("an audit changed only through REST, with nobody connected, is read back after two restarts", async () => {
    const { server, http } = await start();
    const audit = await createAuditOk(http(), { agencies: ["police"] });
    const caseId = await addCaseOk(http(), audit.id, { label: "Gail, 13" });
    for (let i = 1; i <= 5; i++) {
      await addCardOk(http(), audit.id, caseId, { column: COLUMN_IDS[i % 3], text: `Finding ${i}`, agency: "police" });
    }
    const before = (await http().getAudit(audit.id)).body;

    await server.restart();
    await server.restart();

    const after = await http().getAudit(audit.id);
    expect(after.body).toEqual(before);
    expect(after.body.board.cases[0].columns.worried.map((c) => c.text)).toEqual(["Finding 1", "Finding 4"]);
  });
});

describe("the demo audit", () => {
  test("is seeded into an empty data folder with Case 1 to Case 6, cards in all three columns and issues across cases", async () => {
    const { http } = await start({ demo: true });
    const list = (await http().listAudits()).body;
    expect(list).toHaveLength(1);

    const demo = (await http().getAudit(list[0].id)).body;
    expect(demo.title).toBe("Domestic Violence II");
    expect(demo.board.cases.map((c) => c.label)).toEqual(["Case 1", "Case 2", "Case 3", "Case 4", "Case 5", "Case 6"]);
    for (const c of demo.board.cases) {
      for (const column of COLUMN_IDS) {
        expect(c.columns[column].length, `${c.label} ${column}`).toBeGreaterThan(0);
        for (const card of c.columns[column]) {
          expect(card.text.trim().length).toBeGreaterThan(0);
          expect(demo.agencies.map((a) => a.id)).toContain(card.agency);
        }
      }
    }
    const across = demo.board.sections.acrossCases.split("\n");
    expect(across.length).toBeGreaterThan(1);
    for (const line of across) expect(line).toMatch(/^- \S/);
  });

  test("is not created again when the server restarts on the same data folder", async () => {
    const { server, http } = await start({ demo: true });
    const [demo] = (await http().listAudits()).body;
    const board = (await http().getAudit(demo.id)).body;

    await server.restart();

    const list = (await http().listAudits()).body;
    expect(list.map((a) => a.id)).toEqual([demo.id]);
    expect((await http().getAudit(demo.id)).body).toEqual(board);
  });

  test("is not created when MACA_DEMO is 0, nor later when demo mode finds audits already there", async () => {
    const { server, http } = await start({ demo: false });
    expect((await http().listAudits()).body).toEqual([]);
    const own = await createAuditOk(http(), { title: "Our own audit" });
    await server.stop();

    const again = await start({ dataDir: server.dataDir, demo: true });
    expect((await again.http().listAudits()).body.map((a) => a.title)).toEqual([own.title]);
  });
});
