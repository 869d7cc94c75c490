/**
 * The stateless message the server sends on a board connection when the person's access changes
 * while they are connected (a chair makes them an observer, say). The server enforces the change
 * itself; this only tells the page to show it.
 */
import type { Role } from "./account.ts";

export interface AccessChangedMessage {
  type: "access-changed";
  role: Role;
  readOnly: boolean;
}

export function parseAccessChanged(payload: string): AccessChangedMessage | undefined {
  try {
    const message = JSON.parse(payload) as Partial<AccessChangedMessage>;
    if (message.type === "access-changed" && typeof message.role === "string" && typeof message.readOnly === "boolean") {
      return message as AccessChangedMessage;
    }
  } catch {
    // Not ours.
  }
  return undefined;
}
