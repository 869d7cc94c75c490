/**
 * The WebSocket boundary: only /collab upgrades, and a client that sends an oversize or
 * malformed frame loses its own socket without disturbing anyone else on the server.
 */
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import WebSocket from "ws";
import { LIMITS } from "../../shared/validation/limits.ts";
import { type Api, addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { type BoardConnection, connectBoard } from "../helpers/board.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { sleep, waitFor } from "../helpers/wait.ts";

let server: TestServer;
let http: Api;
const connections: BoardConnection[] = [];
const rawSockets: WebSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  http = api(server.url, server.admin);
});

afterEach(() => {
  for (const connection of connections.splice(0)) connection.destroy();
  for (const socket of rawSockets.splice(0)) socket.terminate();
});

afterAll(async () => {
  await server?.cleanup();
});

/** Opens a plain `ws` socket; resolves "open" or "refused" (with the reason) — never hangs. */
function tryUpgrade(url: string): Promise<{ outcome: "open" | "refused"; detail: string; socket: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    rawSockets.push(socket);
    socket.once("open", () => resolve({ outcome: "open", detail: "", socket }));
    socket.once("unexpected-response", (_req, res) => {
      resolve({ outcome: "refused", detail: `HTTP ${res.statusCode}`, socket });
      socket.terminate();
    });
    socket.once("error", (error) => resolve({ outcome: "refused", detail: error.message, socket }));
  });
}

/** Resolves with the close code the server sends (or that ws reports) for this socket. */
function closed(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) resolve(-1);
    socket.once("close", (code) => resolve(code));
  });
}

async function audienceOnOneAudit() {
  const audit = await createAuditOk(http);
  const caseId = await addCaseOk(http, audit.id, { label: "Case 1" });
  const alice = await connectBoard(server.wsUrl, audit.id, server.admin);
  connections.push(alice);
  const bob = await connectBoard(server.wsUrl, audit.id, server.admin);
  connections.push(bob);
  return { auditId: audit.id, caseId, alice, bob };
}

describe("WebSocket upgrades", () => {
  test("an upgrade to /collab is accepted", async () => {
    const { outcome, detail } = await tryUpgrade(server.wsUrl);
    expect(outcome, detail).toBe("open");
  });

  test.each(["/", "/api/health", "/collab/extra", "/collaborate", "/socket.io/?EIO=4"])(
    "an upgrade to %s, a path other than /collab, is refused",
    async (pathname) => {
      const base = server.wsUrl.replace(/\/collab$/, "");
      const { outcome, detail } = await tryUpgrade(`${base}${pathname}`);
      expect(outcome).toBe("refused");
      expect(detail.length).toBeGreaterThan(0);
      expect((await http.health()).body).toEqual({ ok: true, status: "ok", problems: 0 });
    },
  );

  test("an upgrade whose Host header is no valid host is answered 400, and the server keeps serving", async () => {
    const { port } = new URL(server.url);
    const statusLine = await new Promise<string>((resolve) => {
      let answer = "";
      const socket = net.connect(Number(port), "127.0.0.1", () => {
        socket.write(
          "GET /collab HTTP/1.1\r\nHost: exa mple\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
        );
      });
      socket.on("data", (chunk) => {
        answer += chunk.toString("latin1");
      });
      socket.on("close", () => resolve(answer.split("\r\n")[0]));
      socket.on("error", () => resolve(answer.split("\r\n")[0]));
    });
    expect(statusLine).toBe("HTTP/1.1 400 Bad Request");
    expect((await tryUpgrade(server.wsUrl)).outcome).toBe("open");
  });
});

describe("frames a client must not send", () => {
  test("a frame over LIMITS.wsMessageBytes closes that socket while other clients on the server keep working", async () => {
    const { auditId, caseId, alice, bob } = await audienceOnOneAudit();
    const { outcome, socket } = await tryUpgrade(server.wsUrl);
    expect(outcome).toBe("open");

    const closing = closed(socket);
    socket.send(Buffer.alloc(LIMITS.wsMessageBytes + 1, 7));
    expect(await closing).toBe(1009);

    const cardId = alice.board.addCard(caseId, "worried", "Still here after the oversize frame");
    await waitFor(() => bob.board.card(cardId), 5_000, "Bob to receive Alice's card after the oversize frame");
    const restCard = await addCardOk(http, auditId, caseId, { column: "workingWell", text: "REST still works", agency: "police" });
    await waitFor(() => alice.board.card(restCard), 5_000, "the REST card to reach Alice after the oversize frame");
    expect(alice.provider.isSynced).toBe(true);
  });

  test("a frame that is not a Hocuspocus message closes that socket while other clients keep working", async () => {
    const { caseId, alice, bob } = await audienceOnOneAudit();
    const { outcome, socket } = await tryUpgrade(server.wsUrl);
    expect(outcome).toBe("open");

    const closing = closed(socket);
    socket.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    const code = await Promise.race([closing, new Promise<string>((resolve) => setTimeout(() => resolve("still open"), 5_000))]);
    expect(code).not.toBe("still open");

    const cardId = bob.board.addCard(caseId, "needsToHappen", "Unaffected by the garbage frame");
    await waitFor(() => alice.board.card(cardId), 5_000, "Alice to receive Bob's card after the garbage frame");
  });
});

describe("sockets that do not authenticate", () => {
  test("are closed after the deadline, and beyond the cap new ones are refused while others keep working", async () => {
    const own = await startTestServer({ pendingSockets: { max: 3, deadlineMs: 800 } });
    try {
      const idle = await Promise.all([1, 2, 3].map(() => tryUpgrade(own.wsUrl)));
      expect(idle.map((s) => s.outcome)).toEqual(["open", "open", "open"]);
      const fourth = await tryUpgrade(own.wsUrl);
      expect(fourth.outcome).toBe("refused");
      expect(fourth.detail).toBe("HTTP 503");

      // Once the idle ones are gone, a client that authenticates gets in and stays.
      const closes = await Promise.all(idle.map((s) => closed(s.socket)));
      expect(closes).toEqual([4408, 4408, 4408]);
      const audit = await createAuditOk(api(own.url, own.admin));
      const board = await connectBoard(own.wsUrl, audit.id, own.admin);
      connections.push(board);
      await sleep(1_200);
      expect(board.provider.isSynced).toBe(true);
    } finally {
      await own.cleanup();
    }
  });
});
