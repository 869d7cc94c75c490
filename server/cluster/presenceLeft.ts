/**
 * Hocuspocus 4.7 drops presence removals that arrive through Redis (it rebuilds every incoming
 * awareness update from the states a scratch copy still holds, and a removal leaves none), so a
 * person who left through node A stayed on node B's pages until the 30 s awareness timeout.
 * Each node therefore tells the others who left its documents, and they remove those states
 * themselves, except any that one of their own connections holds (the person moved nodes).
 */
import type { Extension, Hocuspocus, onAwarenessUpdatePayload } from "@hocuspocus/server";
import { removeAwarenessStates } from "y-protocols/awareness";
import { log } from "../log.ts";
import type { ClusterBus } from "./clusterBus.ts";

/** The origin of removals made on another node's word (never passed on again). */
const CLUSTER_ORIGIN = { source: "cluster" } as const;

export function presenceLeftExtension(bus: ClusterBus, hocuspocus: () => Hocuspocus | undefined): Extension {
  bus.subscribe((event) => {
    if (event.type !== "presence-left") return;
    const document = hocuspocus()?.documents.get(event.document);
    if (!document) return;
    const heldHere = new Set([...document.connections.values()].flatMap((entry) => [...entry.clients]));
    const gone = event.clientIds.filter((id) => document.awareness.getStates().has(id) && !heldHere.has(id));
    if (gone.length > 0) removeAwarenessStates(document.awareness, gone, CLUSTER_ORIGIN);
  });

  return {
    extensionName: "PresenceLeft",
    async onAwarenessUpdate({ documentName, removed, transactionOrigin }: onAwarenessUpdatePayload) {
      // Only removals made here: one relayed from another node was announced by that node.
      const source = (transactionOrigin as { source?: unknown } | null)?.source;
      if (removed.length === 0 || source === CLUSTER_ORIGIN.source || source === "redis") return;
      bus
        .publish({ type: "presence-left", document: documentName, clientIds: removed.slice(0, 1_000) })
        .catch((error: unknown) => log.warn("cluster: could not announce who left", { error: String(error) }));
    },
  };
}
