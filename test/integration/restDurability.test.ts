/**
 * A REST write answers on the same terms as a WebSocket writer's "Saved": only once its change
 * is on disk. A disk that fails gets the caller a 503 saying so (and the server keeps serving);
 * a slow one holds the answer back until the change's append is written.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { NOT_SAVED_MESSAGE } from "../../server/domain/errors.ts";
import { type Api, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { cardTexts, onDisk } from "../helpers/boardOnDisk.ts";
import { fileHandlePrototype, gate } from "../helpers/diskFaults.ts";
import { signIn } from "../helpers/people.ts";
import { startTestServer, TEST_ADMIN, type TestServer } from "../helpers/server.ts";
import { sleep, waitFor } from "../helpers/wait.ts";

const servers: TestServer[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  for (const server of servers.splice(0)) await server.cleanup();
});

/** A board with one case, and the chair's signed-in session (cookie and CSRF token). */
async function boardWithCase(): Promise<{ server: TestServer; http: Api; auditId: string; caseId: string }> {
  const server = await startTestServer();
  servers.push(server);
  const http = api(server.url, await signIn(server.url, TEST_ADMIN.email, TEST_ADMIN.password));
  const audit = await createAuditOk(http, { title: "Neglect: core groups", agencies: ["police", "education"] });
  const caseId = await addCaseOk(http, audit.id, { label: "Case 1" });
  return { server, http, auditId: audit.id, caseId };
}

/** Fails the whole disk: the update log's appends and the compactions that could repair it. */
async function failTheDisk() {
  const prototype = await fileHandlePrototype();
  const failure = new Error("EIO: simulated disk failure");
  const writes = vi.spyOn(prototype, "write").mockRejectedValue(failure);
  const fileWrites = vi.spyOn(prototype, "writeFile").mockRejectedValue(failure);
  return {
    writes,
    recover: () => {
      writes.mockRestore();
      fileWrites.mockRestore();
    },
  };
}

describe("a REST write and the disk", () => {
  test("while the disk fails it answers 503 (not saved), keeps the board and serves on; once the disk recovers, both writes are stored", async () => {
    const { server, http, auditId, caseId } = await boardWithCase();
    const disk = await failTheDisk();

    const refused = await http.addCard(auditId, caseId, { column: "worried", text: "Written while the disk fails", agency: "police" });
    expect(refused).toMatchObject({ status: 503, body: { error: NOT_SAVED_MESSAGE } });
    expect(disk.writes).toHaveBeenCalled();
    // Still serving: the board reads, and the health endpoint says what is wrong. The board
    // stays loaded with the change (unloading it would lose what the log lacks).
    const board = await http.getAudit(auditId);
    expect(board.status).toBe(200);
    expect(cardTexts(board.body.board)).toContain("Written while the disk fails");
    expect(await api(server.url).health()).toMatchObject({ status: 503, body: { ok: false, status: "degraded" } });

    disk.recover();
    const stored = await http.addCard(auditId, caseId, { column: "workingWell", text: "Written once the disk is back", agency: "police" });
    expect(stored.status).toBe(201);
    expect(cardTexts(await onDisk(server, auditId))).toEqual(
      expect.arrayContaining(["Written while the disk fails", "Written once the disk is back"]),
    );
  });

  test("a board whose log lacks a change stays loaded when its people leave, and is stored once the disk recovers", async () => {
    const { server, http, auditId, caseId } = await boardWithCase();
    const disk = await failTheDisk();
    const text = "Only in memory while the disk fails";
    expect((await http.addCard(auditId, caseId, { column: "worried", text, agency: "police" })).status).toBe(503);

    // Nobody writes again: the server itself tries to store (and unload) the board again.
    disk.recover();
    await waitFor(async () => cardTexts(await onDisk(server, auditId)).includes(text), 15_000, "the kept board to be stored");
  });

  test("on a slow disk it answers only after its change's append is written", async () => {
    const { server, http, auditId, caseId } = await boardWithCase();
    const text = "Held back by a slow disk";
    const marker = Buffer.from(text);
    const prototype = await fileHandlePrototype();
    const write = prototype.write;
    const disk = gate();
    const events: string[] = [];
    // Only the append carrying the card waits (a Yjs update holds its text as is); the audit
    // trail's write, made after the change, does not, so it cannot be what holds the answer.
    vi.spyOn(prototype, "write").mockImplementation(async function (this: unknown, ...args: never[]) {
      const bytes: unknown = args[0];
      if (!(bytes instanceof Uint8Array && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker))) {
        return write.apply(this, args);
      }
      events.push("append held");
      await disk.promise;
      const written = await write.apply(this, args);
      events.push("append written");
      return written;
    });

    const answer = http.addCard(auditId, caseId, { column: "worried", text, agency: "police" }).then((response) => {
      events.push("answered");
      return response;
    });
    await sleep(300);
    expect(events).toEqual(["append held"]);
    disk.resolve();
    expect((await answer).status).toBe(201);
    expect(events).toEqual(["append held", "append written", "answered"]);
    expect(cardTexts(await onDisk(server, auditId))).toContain(text);
  });
});
