/**
 * What the update log promises, through a real server: an acknowledged edit is on disk at once
 * (no store needed), a failing disk is retried and reported without losing the edit, a damaged
 * board is refused rather than served empty, an observer's dropped edits never reach the log,
 * and one data folder serves one server.
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, test, vi } from "vitest";
import { readConfig } from "../../server/config.ts";
import { startServer } from "../../server/server.ts";
import { stateFile } from "../../server/store/journal/files.ts";
import { addCardOk, addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { type BoardConnection, connectBoard } from "../helpers/board.ts";
import { cardTexts, onDisk } from "../helpers/boardOnDisk.ts";
import { fileHandlePrototype, gate } from "../helpers/diskFaults.ts";
import { addPerson } from "../helpers/people.ts";
import { REPO_ROOT, startTestServer, TEST_ADMIN, type TestServer } from "../helpers/server.ts";
import { waitFor } from "../helpers/wait.ts";

const run = promisify(execFile);
const servers: TestServer[] = [];
const connections: BoardConnection[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  for (const connection of connections.splice(0)) connection.destroy();
  for (const server of servers.splice(0)) await server.cleanup();
});

async function boardWithCase(): Promise<{ server: TestServer; auditId: string; caseId: string }> {
  const server = await startTestServer();
  servers.push(server);
  const http = api(server.url, server.admin);
  const audit = await createAuditOk(http, { title: "Neglect: core groups", agencies: ["police", "education"] });
  const caseId = await addCaseOk(http, audit.id, { label: "Case 1" });
  return { server, auditId: audit.id, caseId };
}

describe("the update log", () => {
  test("an edit the server has acknowledged is already on disk, with no store or shutdown", async () => {
    const { server, auditId, caseId } = await boardWithCase();
    const live = await connectBoard(server.wsUrl, auditId, server.admin);
    connections.push(live);
    live.board.addCard(caseId, "worried", "Disguised compliance not challenged");
    await live.board.flushed();
    expect(cardTexts(await onDisk(server, auditId))).toContain("Disguised compliance not challenged");
  });

  test("a REST write answers only once its change is on disk, with people connected and without", async () => {
    const { server, auditId, caseId } = await boardWithCase();
    const http = api(server.url, server.admin);
    await addCardOk(http, auditId, caseId, { column: "workingWell", text: "Nobody connected", agency: "police" });
    expect(cardTexts(await onDisk(server, auditId))).toContain("Nobody connected");
    const live = await connectBoard(server.wsUrl, auditId, server.admin);
    connections.push(live);
    await addCardOk(http, auditId, caseId, { column: "workingWell", text: "While the chair watches", agency: "police" });
    expect(cardTexts(await onDisk(server, auditId))).toContain("While the chair watches");
  });

  test("a slow disk delays only the writer's Saved: everyone else sees the edit at once", async () => {
    const { server, auditId, caseId } = await boardWithCase();
    const live = await connectBoard(server.wsUrl, auditId, server.admin);
    const other = await connectBoard(server.wsUrl, auditId, server.admin);
    connections.push(live, other);
    const prototype = await fileHandlePrototype();
    const write = prototype.write;
    const disk = gate();
    vi.spyOn(prototype, "write").mockImplementation(async function (this: unknown, ...args: never[]) {
      await disk.promise;
      return write.apply(this, args);
    });

    live.board.addCard(caseId, "worried", "Father's new partner not checked");
    await waitFor(() => other.board.read().cases[0]?.columns.worried.length === 1, 5_000, "the other client to see the card");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(live.provider.hasUnsyncedChanges).toBe(true);
    disk.resolve();
    await live.board.flushed();
    expect(cardTexts(await onDisk(server, auditId))).toContain("Father's new partner not checked");
  });

  test("the server's correction of a claimed author is on disk before the edit is acknowledged", async () => {
    const { server, auditId, caseId } = await boardWithCase();
    const live = await connectBoard(server.wsUrl, auditId, server.admin);
    connections.push(live);
    const prototype = await fileHandlePrototype();
    const write = prototype.write;
    // A write carrying the card waits for the first gate; one carrying the server's correction
    // (the author it knows) for the second too. Writes are batched, so both may share one.
    const gates = [gate(), gate()];
    const cardText = Buffer.from("GP shared records the same day");
    const correction = Buffer.from("Administrator");
    vi.spyOn(prototype, "write").mockImplementation(async function (this: unknown, ...args: never[]) {
      const bytes = args[0] as unknown as Uint8Array;
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (buffer.includes(cardText)) await gates[0]?.promise;
      if (buffer.includes(correction)) await gates[1]?.promise;
      return write.apply(this, args);
    });

    live.board.addCard(caseId, "workingWell", "GP shared records the same day", "police", "Somebody Else");
    await waitFor(() => live.board.read().cases[0]?.columns.workingWell[0]?.author === "Administrator", 5_000, "the stamp");
    gates[0]?.resolve();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The card may be on disk, its correction is not: no "Saved".
    expect(live.provider.hasUnsyncedChanges).toBe(true);
    gates[1]?.resolve();
    await live.board.flushed();
    const [card] = (await onDisk(server, auditId)).cases[0]?.columns.workingWell ?? [];
    expect(card).toMatchObject({ text: "GP shared records the same day", author: "Administrator" });
  });

  test("a disk that fails is retried and reported; the edit is never shown saved, and is stored whole once the disk recovers", async () => {
    const { server, auditId, caseId } = await boardWithCase();
    const live = await connectBoard(server.wsUrl, auditId, server.admin);
    const other = await connectBoard(server.wsUrl, auditId, server.admin);
    connections.push(live, other);
    const http = api(server.url);
    const writes = vi.spyOn(await fileHandlePrototype(), "write").mockRejectedValue(new Error("EIO: simulated disk failure"));

    live.board.addCard(caseId, "needsToHappen", "Invite the GP to core groups");
    // People see each other's edits at once; only the acknowledgement waits for the disk.
    await waitFor(() => other.board.read().cases[0]?.columns.needsToHappen.length === 1, 5_000, "the other client to see the card");
    const degraded = await waitFor(async () => {
      const response = await http.health();
      return response.status === 503 ? response.body : undefined;
    }, 10_000);
    expect(degraded).toMatchObject({ ok: false, status: "degraded" });
    expect(live.provider.hasUnsyncedChanges).toBe(true);
    // The other client edits on top of the card the log lacks: its edit must not be acknowledged
    // either while the log has that hole (a reload would drop it as missing its dependencies).
    other.board.addCard(caseId, "worried", "Health visitor not invited");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(other.provider.hasUnsyncedChanges).toBe(true);

    writes.mockRestore();
    // The connections were closed; the providers reconnect and send their edits again.
    await live.board.flushed(20_000);
    await other.board.flushed(20_000);
    const texts = cardTexts(await onDisk(server, auditId));
    expect(texts).toContain("Invite the GP to core groups");
    expect(texts).toContain("Health visitor not invited");
    await waitFor(async () => (await http.health()).status === 200, 5_000, "health to recover");
  });

  test("an observer's edits, dropped by the server, never reach the log", async () => {
    const { server, auditId, caseId } = await boardWithCase();
    const observer = await addPerson(server.url, server.admin, { name: "Observer", auditId, role: "observer" });
    const watching = await connectBoard(server.wsUrl, auditId, observer.credentials);
    connections.push(watching);
    watching.board.addCard(caseId, "worried", "An observer's note");
    const writer = await connectBoard(server.wsUrl, auditId, server.admin);
    connections.push(writer);
    writer.board.addCard(caseId, "workingWell", "The chair's note");
    await writer.board.flushed();
    const texts = cardTexts(await onDisk(server, auditId));
    expect(texts).toContain("The chair's note");
    expect(texts).not.toContain("An observer's note");
  });

  test("a board whose stored state is damaged is refused, never served empty, and its files are left as they were", async () => {
    const { server, auditId } = await boardWithCase();
    await server.stop();
    const file = stateFile(path.join(server.dataDir, "docs", auditId));
    const bytes = await fs.readFile(file);
    bytes[bytes.length - 3] ^= 0x10;
    await fs.writeFile(file, bytes);
    await server.restart();

    await expect(connectBoard(server.wsUrl, auditId, server.admin, { timeoutMs: 3_000 })).rejects.toThrow(/did not sync/);
    const read = await api(server.url, server.admin).getAudit(auditId);
    expect(read.status).toBeGreaterThanOrEqual(500);
    expect(await fs.readFile(file)).toEqual(bytes);
  });
});

describe("one server per data folder", () => {
  test("a second server process on the same DATA_DIR refuses to start, naming the holder's pid", async () => {
    const { server } = await boardWithCase();
    const second = run(path.join(REPO_ROOT, "node_modules/.bin/tsx"), ["server/index.ts"], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: server.dataDir, PORT: "0", MACA_DEMO: "0", MACA_LOG: "" },
    });
    const failure = await second.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(`in use by another MACA Board server (pid ${process.pid}`);
    // The running server is untouched.
    expect((await api(server.url).health()).status).toBe(200);
  });

  test("in the same process too; a lock left by a process that has died is taken over", async () => {
    const { server } = await boardWithCase();
    const config = readConfig({
      DATA_DIR: server.dataDir,
      PORT: "0",
      MACA_DEMO: "0",
      MACA_ADMIN_EMAIL: TEST_ADMIN.email,
      MACA_ADMIN_PASSWORD: TEST_ADMIN.password,
    });
    await expect(startServer(config)).rejects.toThrow(/in use by another MACA Board server/);

    await server.stop();
    const { stdout } = await run(process.execPath, ["-e", "console.log(process.pid)"]);
    await fs.writeFile(path.join(server.dataDir, "maca.lock"), stdout);
    await server.restart();
    expect((await api(server.url).health()).status).toBe(200);
    expect((await fs.readFile(path.join(server.dataDir, "maca.lock"), "utf8")).trim()).toBe(String(process.pid));
  });
});
