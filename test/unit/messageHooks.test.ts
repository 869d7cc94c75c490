/**
 * The per-message hooks of several concerns run as one extension (messageHooks.ts): in the order
 * given, each after the one before has settled, and a throw refuses the message before the
 * concerns after it run.
 */
import type { afterHandleMessagePayload, beforeSyncPayload } from "@hocuspocus/server";
import { expect, test } from "vitest";
import { messageHooksExtension } from "../../server/collab/extensions/messageHooks.ts";

const payload = {} as beforeSyncPayload;

test("concerns run in order, a waiting one holding back the rest until it settles", async () => {
  const ran: string[] = [];
  let release!: () => void;
  const extension = messageHooksExtension("test", [
    { beforeSync: () => void ran.push("freeze") },
    { beforeSync: () => new Promise<void>((resolve) => (release = resolve)).then(() => void ran.push("log")) },
    { beforeSync: () => void ran.push("gate"), afterHandleMessage: () => void ran.push("after") },
  ]);
  const done = extension.beforeSync?.(payload);
  await Promise.resolve();
  expect(ran).toEqual(["freeze"]);
  release();
  await done;
  expect(ran).toEqual(["freeze", "log", "gate"]);
  await extension.afterHandleMessage?.({} as afterHandleMessagePayload);
  expect(ran).toEqual(["freeze", "log", "gate", "after"]);
});

test("a concern that throws, at once or later, stops the ones after it and rejects", async () => {
  const ran: string[] = [];
  const atOnce = messageHooksExtension("test", [
    {
      beforeSync: () => {
        throw new Error("refused");
      },
    },
    { beforeSync: () => void ran.push("after a throw") },
  ]);
  expect(() => atOnce.beforeSync?.(payload)).toThrow("refused");
  const later = messageHooksExtension("test", [
    { beforeSync: () => Promise.reject(new Error("append failed")) },
    { beforeSync: () => void ran.push("after a rejection") },
  ]);
  await expect(later.beforeSync?.(payload)).rejects.toThrow("append failed");
  expect(ran).toEqual([]);
});
