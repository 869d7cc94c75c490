/**
 * Keeps a frozen board frozen on the WebSocket side and tells writers why their edits bounce.
 * Hocuspocus refuses updates from read-only connections (answering SyncStatus false); this hook
 * runs before every sync message, so it also catches a connection that was authenticated just
 * before the freeze but attached to the document after it, and it reports in-flight messages
 * to the FreezeGate (see there for the ordering argument). Only boards freeze: the meeting
 * document stays writable for the chair, who can still move the room while reviewing a frozen
 * board, so these hooks leave it alone.
 */
import type { afterHandleMessagePayload, beforeSyncPayload } from "@hocuspocus/server";
import * as Y from "yjs";
import type { EditRejectedMessage } from "../../../shared/domain/liveAccess.ts";
import { isBoardDocument } from "../../store/index.ts";
import type { FreezeGate } from "../freezeGate.ts";
import type { MessageHooks } from "./messageHooks.ts";

/** y-protocols' sync message types (a dev dependency only, so not imported at run time). */
const SYNC_STEP_2 = 1;
const UPDATE = 2;

const EDIT_REJECTED = JSON.stringify({ type: "edit-rejected", reason: "frozen" } satisfies EditRejectedMessage);

/** Runs first among the per-message hooks (messageHooks.ts): the update log relies on it. */
export function freezeHooks(gate: FreezeGate): MessageHooks {
  return {
    beforeSync: ({ connection, document, documentName, type, payload }: beforeSyncPayload) => {
      if (!isBoardDocument(documentName)) return undefined;
      gate.enter(documentName, connection);
      if (!gate.isFrozen(documentName)) return undefined;
      connection.readOnly = true;
      // A reconnecting client's step 2 carries what it has; only news counts as an edit. (The
      // payload has been decoded completely by frames.ts before any hook runs.)
      const writes = type === UPDATE || (type === SYNC_STEP_2 && !Y.snapshotContainsUpdate(Y.snapshot(document), payload));
      if (writes) connection.sendStateless(EDIT_REJECTED);
      return undefined;
    },

    afterHandleMessage: ({ connection, documentName }: afterHandleMessagePayload) => {
      if (isBoardDocument(documentName)) gate.leave(documentName, connection);
      return undefined;
    },
  };
}
