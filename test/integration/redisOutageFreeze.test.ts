/**
 * A freeze must hold on every node before its snapshot is taken. While Redis is down node A
 * cannot make sure of that, so a freeze asked of it then is refused at once (503, nothing locked)
 * and B's people go on writing. Once Redis is back the freeze goes through: B hears it, B refuses
 * later writes, and the snapshot holds every edit B acknowledged before the freeze answered.
 */
import { afterAll, expect, test } from "vitest";
import { addCardOk, api } from "../helpers/api.ts";
import { LiveWriter } from "../helpers/liveWriter.ts";
import { type OutageCluster, startOutageCluster, statusWithin } from "../helpers/outageCluster.ts";
import { plainBoard, reviewApi } from "../helpers/snapshots.ts";
import { sleep, waitFor } from "../helpers/wait.ts";

let nodes: OutageCluster | undefined;
let onB: LiveWriter | undefined;

afterAll(async () => {
  onB?.destroy();
  await nodes?.cleanup();
});

test("a freeze asked during a Redis outage is refused at once; once Redis is back it holds what B acknowledged and freezes B", async () => {
  nodes = await startOutageCluster();
  const { a, b, redis } = nodes;
  const { auditId, caseId, person } = await nodes.auditWithAttendee();
  const writer = await LiveWriter.connect("On B", b.wsUrl, auditId, person.credentials);
  onB = writer;
  writer.start(100);
  await nodes.outage();

  const refused = await statusWithin(reviewApi(a.url, a.admin).freeze(auditId), 5_000);
  expect(refused).toBe(503);
  const clockAtRefusal = writer.tracker.acknowledgedClock;
  await sleep(1_500);
  expect(writer.tracker.acknowledgedClock, "B kept acknowledging edits after the refused freeze").toBeGreaterThan(clockAtRefusal);
  expect(writer.heard.access.some((m) => m.frozen)).toBe(false);

  await redis.start();
  // Both nodes are back on the control channel once they say they are alive again.
  await waitFor(async () => (await (await fetch(`${a.url}/api/health`)).status) === 200, 20_000, "node A to report healthy");
  await waitFor(async () => (await (await fetch(`${b.url}/api/health`)).status) === 200, 20_000, "node B to report healthy");
  await sleep(2_500);
  const frozen = await reviewApi(a.url, a.admin).freeze(auditId);
  const acknowledgedAtFreeze = writer.tracker.acknowledgedClock;
  expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);
  await waitFor(() => writer.heard.access.some((m) => m.frozen), 5_000, "B's page to hear of the freeze");
  writer.stop();

  const snapshot = await reviewApi(a.url, a.admin).getSnapshot(auditId, frozen.body.snapshotId);
  const missing = writer.missingFrom(snapshot.body.content.board, acknowledgedAtFreeze);
  expect(writer.acknowledgedCards(acknowledgedAtFreeze)).toBeGreaterThan(10);
  expect(missing, `acknowledged on B before the freeze but not in the snapshot:\n${missing.slice(0, 10).join("\n")}`).toEqual([]);

  const late = await addCardOk(api(b.url, person.credentials), auditId, caseId, { column: "worried", text: "After" }).catch(
    (error: Error) => error.message,
  );
  expect(late).toMatch(/409/);
  expect((await api(b.url, b.admin).getAudit(auditId)).body.board).toEqual(plainBoard(snapshot.body.content.board));
}, 90_000);
