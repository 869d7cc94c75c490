/**
 * Which of this page's document updates the server has confirmed. The server acknowledges each
 * update message (and the re-sync's step 2) with a SyncStatus message once it is on disk; the
 * provider counts the messages still waiting for theirs in `unsyncedChanges`.
 *
 * Two gaps in the stock provider (4.8) are closed here:
 * - When the socket reopens it restarts that count at 1 (the re-sync's step 2), forgetting the
 *   updates made offline that still wait in the socket's queue. They are sent once the server
 *   answers, each acknowledged on its own, so the count reached 0 ("Saved") while the re-sync and
 *   most of them were unconfirmed. `countQueuedUpdatesOnReconnect` keeps them counted.
 * - The count is of messages, not of edits, and a connection that flaps resets it; the person is
 *   told how many edits are unsaved, so `trackUnconfirmed` counts the local updates made since the
 *   server last confirmed everything.
 */
import type { HocuspocusProvider } from "@hocuspocus/provider";
import * as decoding from "lib0/decoding";

// Hocuspocus message type of document sync, and y-protocols' sync message type of an update.
const SYNC_MESSAGE = 0;
const SYNC_UPDATE = 2;

/** The provider and socket internals this file reads (private in the typings). */
interface ProviderInternals {
  unsyncedChanges: number;
  resetUnsyncedChanges(): void;
  emit(event: string, payload: unknown): void;
  configuration: { websocketProvider: { messageQueue: unknown[] } };
}

function isUpdateFor(message: unknown, documentName: string): boolean {
  if (!(message instanceof Uint8Array)) return false;
  try {
    const decoder = decoding.createDecoder(message);
    return (
      decoding.readVarString(decoder) === documentName &&
      decoding.readVarUint(decoder) === SYNC_MESSAGE &&
      decoding.readVarUint(decoder) === SYNC_UPDATE
    );
  } catch {
    return false;
  }
}

/** On (re)connect: expect one acknowledgement for the re-sync plus one per queued update. */
export function countQueuedUpdatesOnReconnect(provider: HocuspocusProvider): void {
  const internals = provider as unknown as ProviderInternals;
  internals.resetUnsyncedChanges = () => {
    const queue = internals.configuration.websocketProvider.messageQueue;
    internals.unsyncedChanges = 1 + queue.filter((message) => isUpdateFor(message, provider.effectiveName)).length;
    internals.emit("unsyncedChanges", { number: internals.unsyncedChanges });
  };
}

export interface UnconfirmedUpdates {
  /** Local updates made since the server last confirmed every one (offline edits included). */
  count(): number;
  /** Whether some message carrying local changes still waits for the server's acknowledgement. */
  waiting(): boolean;
  stop(): void;
}

/** Counts `provider`'s local updates until the server has confirmed them all; `onChange` after each change. */
export function trackUnconfirmed(provider: HocuspocusProvider, onChange: () => void): UnconfirmedUpdates {
  let count = 0;
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    // The provider applies the server's updates with itself as origin; everything else is local.
    if (origin === provider) return;
    count++;
    onChange();
  };
  const onUnsynced = ({ number }: { number: number }) => {
    if (number === 0) count = 0;
    onChange();
  };
  provider.document.on("update", onUpdate);
  provider.on("unsyncedChanges", onUnsynced);
  return {
    count: () => count,
    waiting: () => provider.hasUnsyncedChanges,
    stop() {
      provider.document.off("update", onUpdate);
      provider.off("unsyncedChanges", onUnsynced);
    },
  };
}
