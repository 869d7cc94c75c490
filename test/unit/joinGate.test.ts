/**
 * The join gate answers full syncs (sync step 1) one event-loop iteration apart, so the server
 * reads its sockets between two joins; other sync messages pass at once.
 */
import type { beforeSyncPayload } from "@hocuspocus/server";
import { describe, expect, test } from "vitest";
import { joinGateHooks } from "../../server/collab/extensions/joinGate.ts";

const STEP_1 = 0;
const UPDATE = 2;

function sync(type: number): beforeSyncPayload {
  return { type, payload: new Uint8Array([0]) } as unknown as beforeSyncPayload;
}

/** Counts event-loop iterations: an immediate that queues itself runs once per iteration. */
function iterationCounter(): { now: () => number; stop: () => void } {
  let iteration = 0;
  let running = true;
  const tick = () => {
    iteration += 1;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => iteration, stop: () => (running = false) };
}

describe("join gate", () => {
  test("sync step 1s pass in arrival order, each in an event-loop iteration of its own", async () => {
    const gate = joinGateHooks();
    const counter = iterationCounter();
    const passed: { join: number; iteration: number }[] = [];
    await Promise.all(
      [1, 2, 3, 4].map((join) =>
        Promise.resolve(gate.beforeSync?.(sync(STEP_1))).then(() => passed.push({ join, iteration: counter.now() })),
      ),
    );
    counter.stop();
    expect(passed.map((p) => p.join)).toEqual([1, 2, 3, 4]);
    const iterations = passed.map((p) => p.iteration);
    for (let i = 1; i < iterations.length; i++) expect(iterations[i]).toBeGreaterThan(iterations[i - 1]);
  });

  test("other sync messages are not held", async () => {
    const gate = joinGateHooks();
    const order: string[] = [];
    const step1 = Promise.resolve(gate.beforeSync?.(sync(STEP_1))).then(() => order.push("step 1"));
    const update = Promise.resolve(gate.beforeSync?.(sync(UPDATE))).then(() => order.push("update"));
    await Promise.all([step1, update]);
    expect(order).toEqual(["update", "step 1"]);
    expect(gate.beforeSync?.(sync(UPDATE)), "nothing to wait for").toBeUndefined();
  });
});
