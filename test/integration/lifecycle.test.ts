/**
 * What a load balancer sees of one node: /api/live and /api/ready answer 200 while it serves;
 * on a graceful stop /api/ready turns 503 for the drain period while the node still serves the
 * connections it has, and only then are they closed.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { readConfig } from "../../server/config.ts";
import { startServer } from "../../server/server.ts";
import { api, createAuditOk } from "../helpers/api.ts";
import { connectBoard } from "../helpers/board.ts";
import { tokenFor } from "../helpers/people.ts";
import { REPO_ROOT, TEST_ADMIN } from "../helpers/server.ts";
import { waitFor } from "../helpers/wait.ts";

const status = async (url: string) => (await fetch(url)).status;

test("ready turns 503 for the drain period of a graceful stop, live answers throughout, then connections close", async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), "maca-lifecycle-"));
  const server = await startServer(
    readConfig({
      HOST: "127.0.0.1",
      PORT: "0",
      DATA_DIR: dataDir,
      MACA_DEMO: "0",
      CLIENT_DIR: path.join(REPO_ROOT, "dist/client"),
      MACA_ADMIN_EMAIL: TEST_ADMIN.email,
      MACA_ADMIN_PASSWORD: TEST_ADMIN.password,
    }),
  );
  try {
    const admin = { token: (await tokenFor(server.url, TEST_ADMIN.email, TEST_ADMIN.password)).token };
    const audit = await createAuditOk(api(server.url, admin), { title: "Lifecycle audit", theme: "Neglect" });
    const board = await connectBoard(`ws://127.0.0.1:${server.port}/collab`, audit.id, admin);
    expect(await status(`${server.url}/api/live`)).toBe(200);
    expect(await status(`${server.url}/api/ready`)).toBe(200);

    let closed = false;
    board.provider.on("close", () => {
      closed = true;
    });
    const stopped = server.stop(1_500);
    expect(await status(`${server.url}/api/ready`)).toBe(503);
    expect(await status(`${server.url}/api/live`)).toBe(200);
    // Still serving what it has: an edit during the drain is saved.
    board.board.addCase("Case during the drain");
    await waitFor(() => !board.provider.hasUnsyncedChanges, 5_000, "the edit made during the drain to be acknowledged");
    expect(closed).toBe(false);
    await stopped;
    await waitFor(() => closed, 5_000, "the connection to close");
    board.destroy();
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
