/**
 * Recomputes a snapshot's SHA-256 in the browser (WebCrypto over the same canonical JSON the
 * server hashed), so a reader can check for themselves that they see the text that was signed off.
 */
import { canonicalJson } from "../../shared/domain/canonical.ts";
import type { SnapshotJson } from "../../shared/domain/snapshot.ts";

export type HashCheck =
  | { status: "verified"; computed: string }
  | { status: "mismatch"; computed: string }
  /** WebCrypto is only there on secure pages (https, or this computer). */
  | { status: "unavailable" };

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export async function checkSnapshotHash(snapshot: Pick<SnapshotJson, "content" | "sha256">): Promise<HashCheck> {
  if (!globalThis.crypto?.subtle) return { status: "unavailable" };
  const computed = await sha256Hex(canonicalJson(snapshot.content));
  return computed === snapshot.sha256.toLowerCase() ? { status: "verified", computed } : { status: "mismatch", computed };
}
