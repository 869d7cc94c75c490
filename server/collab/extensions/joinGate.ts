/**
 * Staggers joins. Answering a client's sync step 1 encodes the whole board (15–20 ms of
 * synchronous work for a loaded 60-case board). When a hundred people open the board at once,
 * Hocuspocus answers them back to back from one burst of microtasks: the event loop reads no
 * socket for seconds, and the people already typing see their edits stall until every joiner is
 * served. Here each sync step 1 waits for its turn, one event-loop iteration apart and server-wide
 * (the CPU is shared by every board): between two joins the server reads, logs and relays what
 * the typists sent. Joins take as long as before in total; edits no longer wait for all of them.
 * Runs last among the per-message hooks (messageHooks.ts), so Hocuspocus encodes the answer as
 * soon as the turn comes.
 */
import type { beforeSyncPayload } from "@hocuspocus/server";
import type { MessageHooks } from "./messageHooks.ts";

/** y-protocols/sync messageYjsSyncStep1 (y-protocols is not a runtime dependency of the server). */
const SYNC_STEP_1 = 0;

export function joinGateHooks(): MessageHooks {
  let lastTurn: Promise<void> = Promise.resolve();
  const nextIteration = () => new Promise<void>((resolve) => setImmediate(resolve));

  return {
    beforeSync: ({ type }: beforeSyncPayload) => {
      if (type !== SYNC_STEP_1) return undefined;
      const turn = lastTurn.then(nextIteration);
      lastTurn = turn;
      return turn;
    },
  };
}
