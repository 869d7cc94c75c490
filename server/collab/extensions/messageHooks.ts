/**
 * The hooks Hocuspocus runs for every message, of several concerns (Freeze, DurableLog,
 * JoinGate), run in order as one extension. Hocuspocus chains a `then` and a `catch` for each
 * extension with the hook, each time, and each `async` hook makes a promise more: per edit on a
 * board of ten that was the largest share of the garbage our server made beyond vanilla
 * Hocuspocus (README, Performance). Here a concern's hook returns a promise only when it has to
 * wait (a join's turn, an abort record), and the next concern runs when it has settled.
 */
import type { afterHandleMessagePayload, beforeSyncPayload, Extension } from "@hocuspocus/server";

type Hook<Payload> = (payload: Payload) => Promise<void> | undefined;

/** One concern's per-message hooks. Throwing refuses the message, as it would in an extension. */
export interface MessageHooks {
  beforeSync?: Hook<beforeSyncPayload>;
  afterHandleMessage?: Hook<afterHandleMessagePayload>;
}

/** Shared by every message whose hooks all finished at once. */
const FINISHED: Promise<void> = Promise.resolve();

function runInOrder<Payload>(hooks: Hook<Payload>[], payload: Payload, from = 0): Promise<void> {
  for (let next = from; next < hooks.length; next++) {
    const waiting = hooks[next](payload);
    if (waiting) return waiting.then(() => runInOrder(hooks, payload, next + 1));
  }
  return FINISHED;
}

/** One extension running each concern's hooks in the order given. */
export function messageHooksExtension(extensionName: string, concerns: MessageHooks[]): Extension {
  const beforeSync = concerns.flatMap((c) => (c.beforeSync ? [c.beforeSync] : []));
  const afterHandleMessage = concerns.flatMap((c) => (c.afterHandleMessage ? [c.afterHandleMessage] : []));
  return {
    extensionName,
    beforeSync: (payload: beforeSyncPayload) => runInOrder(beforeSync, payload),
    afterHandleMessage: (payload: afterHandleMessagePayload) => runInOrder(afterHandleMessage, payload),
  };
}
