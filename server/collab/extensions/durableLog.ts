/**
 * Every update the server acknowledges is on disk first. A client's update is appended to the
 * document's log in Hocuspocus's beforeSync hook, which it awaits just before applying the update
 * (after Freeze's hook has settled whether the connection may write: messageHooks.ts), and its
 * acknowledgement (SyncStatus) is held until the append is fsync'd (durableAcks.ts, released by
 * the document's stored mark, storedMark.ts; group commit: updates arriving meanwhile share the
 * next fsync). Other people see the edit at once: if the server dies before the fsync, the
 * sender still holds the edit as unsaved and sends it again, and everyone who saw it syncs it
 * back on reconnect. Should a logged update not be applied after
 * all, it gets an abort record, so a reload never applies what the server refused. Changes the
 * server makes itself (REST writes, migrations, authorship repairs) are logged as they happen; a
 * REST write answers only once whenStored() says what it changed is stored, on the same terms as
 * an acknowledgement. If an append fails after its retries, the log has a hole that later
 * updates may depend on: nothing more is acknowledged until a compaction has stored the whole
 * document again. Loading replays the last compacted state and the log; compaction (on
 * Hocuspocus's debounced store once the log has grown, and when the document is unloaded) writes
 * the document's own encoding, never a merge of client bytes.
 */
import type {
  afterHandleMessagePayload,
  afterUnloadDocumentPayload,
  beforeSyncPayload,
  beforeUnloadDocumentPayload,
  Connection,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import type { Health } from "../../health.ts";
import { log } from "../../log.ts";
import { type DocumentLog, isBoardDocument, replayStoredDocument, type Store } from "../../store/index.ts";
import { holdAcknowledgements } from "./durableAcks.ts";
import type { MessageHooks } from "./messageHooks.ts";
import { OtherNodesReader, STORE_ORIGIN } from "./otherNodesReader.ts";
import { dropPending } from "./pendingUpdates.ts";
import { StoredMark } from "./storedMark.ts";

/** Compact while people are connected once the log holds this much (it is replayed on load). */
const COMPACT_LOG_BYTES = 256 * 1024;
/** How soon a board kept in memory (its log damaged, its store failed) is tried again. */
const UNLOAD_RETRY_MS = 5_000;
/** y-protocols' sync message types. */
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const UPDATE = 2;

interface OpenDocument {
  name: string;
  doc: Y.Doc;
  log: DocumentLog;
  /** Updates logged for a connection's message that Hocuspocus is handling now. */
  inFlight: Map<Connection, { seq: number; applied: boolean }>;
  lastSeq: number;
  /** How far the log is stored: acknowledgements and REST writes wait on it. */
  mark: StoredMark;
  otherNodes?: OtherNodesReader;
  /**
   * Appends that failed, and how many of those the last successful compaction covers: while they
   * differ, the log lacks an update the document holds.
   */
  failedAppends: number;
  repairedAppends: number;
  repairing?: Promise<void>;
}

/** What a REST write waits for before it answers (changeLiveDocument). */
export interface DocumentDurability {
  /**
   * Resolves once everything appended so far for `document` is on disk and the log is whole
   * (repaired by a compaction if an append failed), as a WebSocket writer's "Saved" does.
   */
  whenStored(document: Y.Doc): Promise<void>;
}

export interface DurableLogOptions {
  store: Store;
  health: Health;
  /** Called after a board's log is settled on a store (the audit list's action counts refresh there). */
  stored?: (auditId: string, doc: Y.Doc) => void;
}

const isConnectionOrigin = (origin: unknown): origin is { source: "connection"; connection: Connection } =>
  typeof origin === "object" && origin !== null && (origin as { source?: unknown }).source === "connection";

/** Updates another node logged: relayed through Redis, or read back from the shared log. */
const isOtherNodesOrigin = (origin: unknown): boolean => {
  const source = typeof origin === "object" && origin !== null ? (origin as { source?: unknown }).source : undefined;
  return source === "redis" || source === STORE_ORIGIN.source;
};

/**
 * The extension (loading, storing, unloading), and the per-message hooks that log each update and
 * hold its acknowledgement: those run after Freeze's, in one extension with them (messageHooks.ts).
 */
export function durableLogExtension({
  store,
  health,
  stored,
}: DurableLogOptions): Extension & DocumentDurability & { messageHooks: MessageHooks } {
  const open = new Map<Y.Doc, OpenDocument>();

  /** Whether the document's state is stored (a failure is reported on the health endpoint). */
  async function compact(entry: OpenDocument): Promise<boolean> {
    // Nothing logged after the oldest update still being handled may be folded in yet.
    const oldestInFlight = Math.min(...[...entry.inFlight.values()].map((f) => f.seq));
    const throughSeq = Number.isFinite(oldestInFlight) ? oldestInFlight - 1 : entry.lastSeq;
    const part = `compaction:${entry.name}`;
    try {
      await entry.log.compact(Y.encodeStateAsUpdate(entry.doc), throughSeq);
      health.recovered(part);
      return true;
    } catch (error) {
      // The log still holds everything (unless it is damaged): the next store tries again.
      health.degraded(part, String(error));
      return false;
    }
  }

  const isDamaged = (entry: OpenDocument) => entry.repairedAppends < entry.failedAppends;

  /**
   * Resolves once the log is whole again (at once if it is), rejects if storing the document
   * failed. A repair already under way may have begun before this caller had reason to wait (its
   * append landed after the disk came back): if that one fails, the caller gets one more, begun
   * after it.
   */
  function repaired(entry: OpenDocument): Promise<void> {
    const running = entry.repairing;
    return running ? running.catch(() => repair(entry)) : repair(entry);
  }

  function repair(entry: OpenDocument): Promise<void> {
    if (!isDamaged(entry)) return Promise.resolve();
    entry.repairing ??= (async () => {
      try {
        // A failure reported during a compaction may be of an update applied after its state
        // was encoded: compact again until one covers every failure reported before it began.
        while (isDamaged(entry)) {
          const covered = entry.failedAppends;
          if (!(await compact(entry)))
            throw new Error(`the update log of ${entry.name} lacks an update and the document could not be stored`);
          entry.repairedAppends = covered;
        }
      } finally {
        entry.repairing = undefined;
      }
    })();
    return entry.repairing;
  }

  /** Every update appended goes through here; returns its seq and its ticket on the document's mark. */
  function appendTo(entry: OpenDocument, update: Uint8Array): { seq: number; ticket: number } {
    const appended = entry.log.append(update);
    entry.lastSeq = appended.seq;
    return { seq: appended.seq, ticket: entry.mark.appended(appended.durable) };
  }

  /**
   * The mark reports a failed write (an update's or an abort record's) once, however many appends
   * it carried: the counts only say whether a compaction has covered every failure.
   */
  function appendFailed(entry: OpenDocument, error: unknown): void {
    log.error("could not log an update", { document: entry.name, error: String(error) });
    entry.failedAppends += 1;
    void repaired(entry).catch(() => {});
  }

  return {
    extensionName: "DurableLog",

    whenStored(document: Y.Doc): Promise<void> {
      const entry = open.get(document);
      if (!entry) return Promise.reject(new Error("the document has no open update log"));
      return new Promise((resolve, reject) => {
        entry.mark.wait({ need: entry.mark.last, raised: false, release: resolve, fail: reject });
      });
    },

    async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
      const documentLog = await store.openDocumentLog(documentName);
      try {
        const { state, updates } = documentLog.stored;
        // Every audit's board is stored when the audit is made: none on disk means it was lost,
        // and serving an empty board would let the next edit overwrite what should be there.
        if (isBoardDocument(documentName) && !state && updates.length === 0) {
          throw new Error(`no stored board for ${documentName}`);
        }
        replayStoredDocument(document, documentLog.stored, documentName);
      } catch (error) {
        await documentLog.close();
        log.error("loading a document failed", { document: documentName, error: String(error) });
        throw error;
      }
      const entry: OpenDocument = {
        name: documentName,
        doc: document,
        log: documentLog,
        inFlight: new Map(),
        lastSeq: 0,
        mark: new StoredMark({
          failed: (error) => appendFailed(entry, error),
          damaged: () => isDamaged(entry),
          repair: () => repaired(entry),
        }),
        failedAppends: 0,
        repairedAppends: 0,
      };
      dropPending(document, documentName);
      document.on("afterTransaction", (transaction: Y.Transaction) => {
        if (isConnectionOrigin(transaction.origin)) {
          const inFlight = entry.inFlight.get(transaction.origin.connection);
          if (inFlight) inFlight.applied = true;
          dropPending(document, documentName, transaction.origin.connection);
        }
      });
      // Changes the server makes (REST writes, migrations, repairs) are appended in the same step
      // as the change, not in Hocuspocus's onChange chain, which runs later, after other
      // extensions' hooks: a REST write's store (on its disconnect) must find the append pending.
      document.on("update", (update: Uint8Array, origin: unknown) => {
        // A client's update was logged before it was applied; one from another node (through
        // Redis or read back from the shared log) was logged by that node.
        if (isConnectionOrigin(origin) || isOtherNodesOrigin(origin)) return;
        appendTo(entry, update);
      });
      const readForeign = documentLog.readForeignUpdates?.bind(documentLog);
      if (readForeign) entry.otherNodes = new OtherNodesReader(document, documentName, readForeign);
      open.set(document, entry);
    },

    messageHooks: {
      beforeSync: ({ connection, document, type, payload }: beforeSyncPayload) => {
        const entry = open.get(document);
        if (!entry) return undefined;
        // A sync step 1 (someone joining or reconnecting) is answered from everything stored.
        if (type === SYNC_STEP_1) return entry.otherNodes?.catchUp();
        // Logged here, after Freeze has settled whether this connection may write and just
        // before Hocuspocus applies it (nothing else runs in between), so an update is logged
        // only if it will be applied. Hocuspocus drops a read-only connection's.
        if (connection.readOnly || !(type === SYNC_STEP_2 || type === UPDATE)) return undefined;
        // An empty update (a client with nothing new answering sync step 1) changes nothing.
        if (payload.length === 2 && payload[0] === 0 && payload[1] === 0) return undefined;
        const { seq, ticket } = appendTo(entry, payload);
        entry.inFlight.set(connection, { seq, applied: false });
        // The authorship guard's corrections of this update, and any abort record, are appended
        // just after it: by the time it is on disk they are queued, and the acknowledgement waits
        // for them too, so a reload never has the update without them.
        holdAcknowledgements(connection, entry.mark, ticket);
        return undefined;
      },

      afterHandleMessage: ({ connection, document }: afterHandleMessagePayload) => {
        const entry = open.get(document);
        const inFlight = entry?.inFlight.get(connection);
        if (!entry || !inFlight) return undefined;
        entry.inFlight.delete(connection);
        if (inFlight.applied) return undefined;
        const aborted = entry.log.abort(inFlight.seq);
        // A failed abort record is logged and repaired through the mark (appendFailed), like any append.
        entry.mark.appended(aborted);
        return aborted.catch(() => {});
      },
    },

    async onStoreDocument({ document, documentName }: onStoreDocumentPayload) {
      const entry = open.get(document);
      if (!entry) return;
      await entry.log.settled();
      if (isBoardDocument(documentName)) {
        try {
          stored?.(documentName, document);
        } catch (error) {
          log.error("after storing a board", { audit: documentName, error: String(error) });
        }
      }
      if (isDamaged(entry)) await repaired(entry).catch(() => {});
      else if (entry.log.logBytes >= COMPACT_LOG_BYTES) await compact(entry);
    },

    async beforeUnloadDocument({ document, documentName, instance }: beforeUnloadDocumentPayload) {
      // Hocuspocus unloads by name: a late unload of an instance already unloaded (a connection
      // whose close is handled after the board was loaded again) would drop the board loaded
      // since from its map, leaving its people on an orphan while newcomers load another copy,
      // and store the stale one. Throwing stops the unload; no extension before this one has the hook.
      if (instance.documents.get(documentName) !== document) {
        throw new Error(`not unloading ${documentName}: this instance was unloaded already and another is loaded`);
      }
      const entry = open.get(document);
      if (!entry) return;
      await entry.log.settled();
      if (isDamaged(entry)) {
        // The log lacks an update the board holds (nobody was told it is saved): unloading now
        // would lose it, so the board stays in memory until a compaction has stored it.
        if (
          await repaired(entry).then(
            () => true,
            () => false,
          )
        )
          return;
        const retry = () => {
          // Only while it is still the loaded board of that name (it may have gone meanwhile).
          if (instance.documents.get(entry.name) === document) void instance.unloadDocument(document);
        };
        setTimeout(retry, UNLOAD_RETRY_MS).unref();
        throw new Error(`${entry.name} stays loaded: its update log lacks an update and storing it failed`);
      }
      // A failed compaction here loses nothing: the log still holds every update.
      if (entry.log.logBytes > 0) await compact(entry);
    },

    async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
      for (const [doc, entry] of open) {
        if (entry.name !== documentName || !doc.isDestroyed) continue;
        open.delete(doc);
        entry.otherNodes?.stop();
        await entry.log.close();
      }
    },
  };
}
