/**
 * What one server node tells the others so that access changes made on it take effect on every
 * node's open connections at once (the documents themselves travel through Hocuspocus's Redis
 * extension). Validated on arrival: a message that does not parse is dropped and logged.
 */
import { z } from "zod";

const id = z.string().min(1).max(200);

/** Which open connections to close: those of a session, a user or a token. */
export const ConnectionSelector = z.union([
  z.object({ sessionIdHashes: z.array(id).max(10_000) }),
  z.object({ userId: id }),
  z.object({ tokenId: id }),
]);
export type ConnectionSelector = z.infer<typeof ConnectionSelector>;

export const ClusterEvent = z.discriminatedUnion("type", [
  /** A member was added, removed or changed: re-read it and apply it to their connections. */
  z.object({ type: z.literal("membership"), auditId: id, userId: id }),
  z.object({ type: z.literal("close-connections"), selector: ConnectionSelector }),
  /** The audit was frozen (`requestId`: the freezing node waits for every node's answer) or reopened. */
  z.object({ type: z.literal("freeze"), auditId: id, requestId: id }),
  z.object({ type: z.literal("reopen"), auditId: id }),
  /** A node's answer to a freeze: its connections are read-only now, and this is what its board held. */
  z.object({ type: z.literal("frozen"), requestId: id, stateVector: z.string().max(1_000_000).optional() }),
  /**
   * People who left a document on the sending node: Hocuspocus drops presence removals that come
   * through Redis, so the other nodes remove them on this word instead of after a 30 s timeout.
   */
  z.object({ type: z.literal("presence-left"), document: id, clientIds: z.array(z.number().int().nonnegative()).max(1_000) }),
]);
export type ClusterEvent = z.infer<typeof ClusterEvent>;

export const ClusterMessage = z.object({ node: id, event: ClusterEvent });
