/**
 * Stateless messages the server sends on a board connection. The server enforces every change
 * itself; these only tell the page to show it.
 * - access-changed: the person's access changed while connected (a chair made them an observer,
 *   or the audit was frozen or reopened).
 * - edit-rejected: the server refused a change this connection sent (the audit is frozen), so
 *   the page can say so rather than let the edit look saved.
 * - cluster-link: on a server with several nodes, this node lost (false) or regained (true) its
 *   link to the others: edits are still saved, but people connected through another node are not
 *   seen live until it is back.
 */
import type { Role } from "./account.ts";

export interface AccessChangedMessage {
  type: "access-changed";
  role: Role;
  readOnly: boolean;
  /** Set when the change came from a freeze (true) or a reopening (false). */
  frozen?: boolean;
}

export interface EditRejectedMessage {
  type: "edit-rejected";
  reason: "frozen";
}

export interface ClusterLinkMessage {
  type: "cluster-link";
  connected: boolean;
}

function parse(payload: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(payload);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    // Not ours.
    return undefined;
  }
}

export function parseAccessChanged(payload: string): AccessChangedMessage | undefined {
  const message = parse(payload);
  if (
    message?.type === "access-changed" &&
    typeof message.role === "string" &&
    typeof message.readOnly === "boolean" &&
    (message.frozen === undefined || typeof message.frozen === "boolean")
  ) {
    return message as unknown as AccessChangedMessage;
  }
  return undefined;
}

export function parseEditRejected(payload: string): EditRejectedMessage | undefined {
  const message = parse(payload);
  if (message?.type === "edit-rejected" && message.reason === "frozen") return { type: "edit-rejected", reason: "frozen" };
  return undefined;
}

export function parseClusterLink(payload: string): ClusterLinkMessage | undefined {
  const message = parse(payload);
  if (message?.type === "cluster-link" && typeof message.connected === "boolean")
    return { type: "cluster-link", connected: message.connected };
  return undefined;
}
