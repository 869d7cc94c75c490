/** The Hocuspocus engine serving every audit's board and meeting document; one extension per concern. */
import { Hocuspocus } from "@hocuspocus/server";
import type { Cluster } from "../cluster/index.ts";
import type { ActionCounts } from "../domain/actionCounts.ts";
import type { Health } from "../health.ts";
import { type AccessDeps, accessExtension } from "./extensions/access.ts";
import { concernTrailExtension } from "./extensions/concerns.ts";
import { type DocumentDurability, durableLogExtension } from "./extensions/durableLog.ts";
import { freezeHooks } from "./extensions/freeze.ts";
import { joinGateHooks } from "./extensions/joinGate.ts";
import { messageHooksExtension } from "./extensions/messageHooks.ts";
import { migrateExtension } from "./extensions/migrate.ts";
import { skipEchoes } from "./skipEchoes.ts";

export interface CollabDeps extends AccessDeps {
  counts: ActionCounts;
  health: Health;
  cluster: Cluster;
}

export interface Collab {
  hocuspocus: Hocuspocus;
  /** When a change the server makes is on disk: REST writes answer only then. */
  durability: DocumentDurability;
}

/**
 * Hocuspocus runs the hooks of its own configuration as one more extension, after ours, with a
 * do-nothing default for each: for the per-message hooks that was a link more in the promise
 * chain it builds for every message and every update. Ours are all in extensions, so these are
 * left out (Hocuspocus skips an extension without the hook).
 */
const NO_CONFIGURATION_HOOKS = {
  beforeHandleMessage: undefined,
  beforeSync: undefined,
  afterHandleMessage: undefined,
  onChange: undefined,
  beforeHandleAwareness: undefined,
  onAwarenessUpdate: undefined,
  beforeBroadcastStateless: undefined,
} as const;

export function createCollab(deps: CollabDeps): Collab {
  const { gate, counts, store, health, cluster } = deps;
  skipEchoes();
  const durableLog = durableLogExtension({
    store,
    health,
    // While frozen the counts come from the freeze snapshot and its updates, not the board.
    stored: (auditId, doc) => {
      if (!gate.isFrozen(auditId)) counts.fromDocument(auditId, doc);
    },
  });
  const hocuspocus = new Hocuspocus({
    name: "maca-board",
    quiet: true,
    // Before authentication a socket may queue little: it has not shown who it is yet.
    maxUnauthenticatedQueueSize: 512 * 1024,
    // A browser coming back online sends its queued edits (one message each) at once, before
    // the server has authenticated it: the byte limit is the guard, not the count.
    maxUnauthenticatedQueueMessages: 5_000,
    maxPendingDocuments: 4,
    // Every update is durable in the log before it is acknowledged; these only pace compaction
    // (and the action counts refresh), so they can be lazy.
    debounce: 5_000,
    maxDebounce: 30_000,
    ...NO_CONFIGURATION_HOOKS,
    extensions: [
      migrateExtension(),
      accessExtension(deps),
      concernTrailExtension(deps.trail),
      durableLog,
      // Per message, in this order: Freeze settles whether the connection may write, the update
      // log appends what will be applied, the join gate holds a full sync until its turn.
      messageHooksExtension("MessageHooks", [freezeHooks(gate), durableLog.messageHooks, joinGateHooks()]),
      {
        extensionName: "ClusterStatus",
        // A page that connects while this node has lost the others is told at once.
        async connected({ connection }) {
          const message = cluster.statusMessage();
          if (message) connection.sendStateless(message);
        },
      },
      // Documents and presence between nodes; the Redis one runs after all of ours (see cluster/redisLink.ts).
      ...cluster.extensions,
    ],
  });
  return { hocuspocus, durability: durableLog };
}
