/**
 * What a store holds, kind by kind: a count and a SHA-256 computed the same way from any Store
 * implementation, so a copy can be checked against its source. Records are hashed as canonical
 * JSON in the order the store lists them; documents by their decoded content (the board or
 * meeting as JSON, rich text included, and the state vector), never by their stored bytes, which
 * differ between a lowdb log and a compacted PostgreSQL state holding the same document.
 */
import { createHash } from "node:crypto";
import * as Y from "yjs";
import { readBoard } from "../../shared/board/index.ts";
import { canonicalJson } from "../../shared/domain/canonical.ts";
import { meetingDocName, readMeeting } from "../../shared/meeting/index.ts";
import type { Store } from "../store/Store.ts";

export const KINDS = [
  "audits",
  "users",
  "members",
  "sessions",
  "tokens",
  "boards",
  "meetings",
  "snapshots",
  "freezeStates",
  "acknowledgements",
  "addenda",
  "actionUpdates",
  "trail",
] as const;
export type Kind = (typeof KINDS)[number];

export interface KindSummary {
  count: number;
  sha256: string;
}

export type Inventory = Record<Kind, KindSummary>;

const summary = (items: readonly unknown[]): KindSummary => ({
  count: items.length,
  sha256: createHash("sha256").update(canonicalJson(items)).digest("hex"),
});

/** A stored Yjs state as comparable JSON: its content read with `read`, and its state vector. */
export function decodedDocument<T>(state: Uint8Array, read: (doc: Y.Doc) => T): { content: T; stateVector: string } {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return { content: read(doc), stateVector: Buffer.from(Y.encodeStateVector(doc)).toString("hex") };
  } finally {
    doc.destroy();
  }
}

const readRichBoard = (doc: Y.Doc) => readBoard(doc, { rich: true });

export async function takeInventory(store: Store): Promise<Inventory> {
  const audits = await store.listAudits();
  const boards: unknown[] = [];
  const meetings: unknown[] = [];
  for (const audit of audits) {
    const board = await store.loadDocument(audit.id);
    if (board) boards.push({ auditId: audit.id, ...decodedDocument(board, readRichBoard) });
    const meeting = await store.loadDocument(meetingDocName(audit.id));
    if (meeting) meetings.push({ auditId: audit.id, ...decodedDocument(meeting, readMeeting) });
  }
  const records = await store.snapshots.readAll();
  const snapshots: unknown[] = [];
  for (const meta of records.snapshots) {
    const state = await store.snapshots.loadState(meta.auditId, meta.id);
    snapshots.push({
      snapshot: await store.snapshots.get(meta.auditId, meta.id),
      state: state && decodedDocument(state, readRichBoard),
    });
  }
  const freezes = [...(await store.snapshots.freezeStates())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    audits: summary(audits),
    users: summary(await store.listUsers()),
    members: summary(await store.listAllMembers()),
    sessions: summary(await store.listAllSessions()),
    tokens: summary(await store.listAllTokens()),
    boards: summary(boards),
    meetings: summary(meetings),
    snapshots: summary(snapshots),
    freezeStates: summary(freezes),
    acknowledgements: summary(records.acknowledgements),
    addenda: summary(records.addenda),
    actionUpdates: summary(records.actionUpdates),
    trail: summary(await store.readTrail()),
  };
}

/** The kinds whose count or hash differ. */
export function differences(a: Inventory, b: Inventory): Kind[] {
  return KINDS.filter((kind) => a[kind].count !== b[kind].count || a[kind].sha256 !== b[kind].sha256);
}
