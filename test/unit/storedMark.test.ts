/**
 * The stored mark (storedMark.ts): waiters are released once their append, and whatever was
 * appended by the time it was stored, is stored; writes settling out of order count in order; a
 * failed write fails the waiters it carried and holds the rest until the log is repaired.
 */
import { expect, test } from "vitest";
import { StoredMark, type Waiter } from "../../server/collab/extensions/storedMark.ts";
import { deferred, settle } from "../helpers/deferred.ts";

function waiter(need: number, log: string[], name: string): Waiter {
  return {
    need,
    raised: false,
    release: () => log.push(`${name} released`),
    fail: (error) => log.push(`${name} failed: ${String(error)}`),
  };
}

function markWith(state: { damaged: boolean; repair?: () => Promise<void> }) {
  return new StoredMark({
    failed: () => {},
    damaged: () => state.damaged,
    repair: state.repair ?? (() => Promise.resolve()),
  });
}

test("appends sharing a write share its outcome; a waiter is released when its write is stored", async () => {
  const mark = markWith({ damaged: false });
  const first = deferred();
  const second = deferred();
  const log: string[] = [];
  expect([mark.appended(first.promise), mark.appended(first.promise), mark.appended(second.promise)]).toEqual([1, 2, 3]);
  mark.wait(waiter(2, log, "a"));
  mark.wait(waiter(3, log, "b"));
  expect(mark.isSettled()).toBe(false);
  first.resolve();
  await settle();
  // "a" needed ticket 2, then also what had been appended by then (3): it waits on.
  expect(log).toEqual([]);
  expect(mark.stored).toBe(2);
  second.resolve();
  await settle();
  expect(log).toEqual(["a released", "b released"]);
  expect(mark.isSettled()).toBe(true);
});

test("a waiter whose own write is already stored is released at once", async () => {
  const mark = markWith({ damaged: false });
  const write = deferred();
  mark.appended(write.promise);
  write.resolve();
  await settle();
  const log: string[] = [];
  mark.wait(waiter(1, log, "a"));
  expect(log).toEqual(["a released"]);
});

test("a later write that settles first is counted only once the earlier one is stored", async () => {
  const mark = markWith({ damaged: false });
  const first = deferred();
  const second = deferred();
  mark.appended(first.promise);
  mark.appended(second.promise);
  const log: string[] = [];
  mark.wait(waiter(1, log, "a"));
  second.resolve();
  await settle();
  expect(mark.stored).toBe(0);
  expect(log).toEqual([]);
  first.resolve();
  await settle();
  expect(mark.stored).toBe(2);
  expect(log).toEqual(["a released"]);
});

test("a failed write fails its waiters; the rest wait for the repair", async () => {
  let damaged = false;
  const failures: unknown[] = [];
  const repair = deferred();
  const mark = new StoredMark({
    failed: (error) => {
      failures.push(error);
      damaged = true;
    },
    damaged: () => damaged,
    repair: () => repair.promise,
  });
  const lost = deferred();
  const later = deferred();
  mark.appended(lost.promise);
  mark.appended(later.promise);
  const log: string[] = [];
  mark.wait(waiter(1, log, "a"));
  mark.wait(waiter(2, log, "b"));
  lost.reject(new Error("EIO"));
  later.resolve();
  await settle();
  expect(failures).toHaveLength(1);
  expect(log).toEqual(["a failed: Error: EIO"]);
  expect(mark.isSettled()).toBe(false);
  damaged = false;
  repair.resolve();
  await settle();
  expect(log).toEqual(["a failed: Error: EIO", "b released"]);
});

test("when the repair fails, every waiter fails", async () => {
  const mark = markWith({ damaged: true, repair: () => Promise.reject(new Error("no space")) });
  const log: string[] = [];
  mark.wait(waiter(0, log, "a"));
  await settle();
  expect(log).toEqual(["a failed: Error: no space"]);
});

/**
 * A damaged log whose first repair will fail (the disk still failing) and second succeed: one
 * waiter already waiting for the repair, another whose append is written as the disk comes back.
 */
function repairRace() {
  const state = { damaged: true, repairsAsked: 0 };
  const repairs = [deferred(), deferred()];
  const mark = new StoredMark({ failed: () => {}, damaged: () => state.damaged, repair: () => repairs[state.repairsAsked++].promise });
  const log: string[] = [];
  mark.wait(waiter(0, log, "before"));
  const write = deferred();
  mark.wait(waiter(mark.appended(write.promise), log, "after"));
  /** The disk is back and the second repair succeeds: "after" goes out. */
  const recover = async () => {
    expect(state.repairsAsked).toBe(2);
    state.damaged = false;
    repairs[1].resolve();
    await settle();
    expect(log).toEqual(["before failed: Error: EIO", "after released"]);
  };
  return { state, log, write, failFirstRepair: () => repairs[0].reject(new Error("EIO")), recover };
}

test("a repair that fails fails only the waiters it was for; one whose write lands later gets its own", async () => {
  const race = repairRace();
  race.failFirstRepair();
  await settle();
  expect(race.log).toEqual(["before failed: Error: EIO"]);
  race.write.resolve();
  await settle();
  await race.recover();
});

test("a waiter that reaches a repair already under way gets another if that one fails", async () => {
  const race = repairRace();
  race.write.resolve();
  await settle();
  expect(race.state.repairsAsked).toBe(1);
  race.failFirstRepair();
  await settle();
  expect(race.log).toEqual(["before failed: Error: EIO"]);
  await race.recover();
});
