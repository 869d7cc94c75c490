/**
 * Keeps a frozen board frozen on the WebSocket side and tells writers why their edits bounce.
 * Hocuspocus refuses updates from read-only connections (answering SyncStatus false); this hook
 * runs before every sync message, so it also catches a connection that was authenticated just
 * before the freeze but attached to the document after it, and it reports in-flight messages
 * to the FreezeGate (see there for the ordering argument). Only boards freeze: the meeting
 * document stays writable for the chair, who can still move the room while reviewing a frozen
 * board, so this extension leaves it alone.
 */
import type { afterHandleMessagePayload, beforeSyncPayload, Extension } from "@hocuspocus/server";
import * as Y from "yjs";
import type { EditRejectedMessage } from "../../../shared/domain/liveAccess.ts";
import { isBoardDocument } from "../../store/index.ts";
import type { FreezeGate } from "../freezeGate.ts";

/** y-protocols' sync message types (a dev dependency only, so not imported at run time). */
const SYNC_STEP_2 = 1;
const UPDATE = 2;

const EDIT_REJECTED = JSON.stringify({ type: "edit-rejected", reason: "frozen" } satisfies EditRejectedMessage);

export function freezeExtension(gate: FreezeGate): Extension {
  return {
    extensionName: "Freeze",

    async beforeSync({ connection, document, documentName, type, payload }: beforeSyncPayload) {
      if (!isBoardDocument(documentName)) return;
      gate.enter(documentName, connection);
      if (!gate.isFrozen(documentName)) return;
      connection.readOnly = true;
      // A reconnecting client's step 2 carries what it has; only news counts as an edit. (The
      // payload has been decoded completely by frames.ts before any hook runs.)
      const writes = type === UPDATE || (type === SYNC_STEP_2 && !Y.snapshotContainsUpdate(Y.snapshot(document), payload));
      if (writes) connection.sendStateless(EDIT_REJECTED);
    },

    async afterHandleMessage({ connection, documentName }: afterHandleMessagePayload) {
      if (!isBoardDocument(documentName)) return;
      gate.leave(documentName, connection);
    },
  };
}
