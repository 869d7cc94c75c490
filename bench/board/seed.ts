/**
 * Puts the loaded board on a server under test. On ours: an audit is created over REST and the
 * whole planned board arrives as one update from its chair's client, written on top of the
 * board the server created (so nothing is duplicated and the server's own init stays). On
 * vanilla: the same final state is pushed by a holder client that stays connected (vanilla keeps
 * a document only while someone has it open).
 */
import * as Y from "yjs";
import { COLUMN_IDS, cardIdsByCase } from "../../shared/board/index.ts";
import { api, createAuditOk } from "../../test/helpers/api.ts";
import { connectDocument, type DocumentConnection } from "../../test/helpers/board.ts";
import type { Credentials } from "../../test/helpers/people.ts";
import { waitFor } from "../../test/helpers/wait.ts";
import type { BoardPlan } from "./plan.ts";
import { type CardStamp, type WrittenBoard, writeBoard } from "./write.ts";

export function cardsOn(doc: Y.Doc): number {
  let n = 0;
  for (const columns of cardIdsByCase(doc).values()) for (const column of COLUMN_IDS) n += columns[column].length;
  return n;
}

async function acknowledged(connection: DocumentConnection, what: string): Promise<void> {
  await waitFor(() => !connection.provider.hasUnsyncedChanges, 60_000, `the server to acknowledge ${what}`);
}

export interface SeededAudit {
  auditId: string;
  /** The full state the server holds after seeding (what every new client loads). */
  state: Uint8Array;
  written: WrittenBoard;
}

/** Creates an audit on our server and fills its board with `plan`, written as `stamp`. */
export async function seedOurs(
  url: string,
  wsUrl: string,
  admin: Credentials,
  plan: BoardPlan,
  stamp: CardStamp,
  title: string,
): Promise<SeededAudit> {
  const audit = await createAuditOk(api(url, admin), { title, theme: "Domestic abuse, mental health and substance misuse" });
  const writer = await connectDocument(wsUrl, audit.id, admin, { timeoutMs: 30_000 });
  try {
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(writer.doc));
    const written = writeBoard(local, plan, undefined, stamp);
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(local, Y.encodeStateVector(writer.doc)));
    local.destroy();
    await acknowledged(writer, `the board of ${title}`);
    const state = Y.encodeStateAsUpdate(writer.doc);
    return { auditId: audit.id, state, written };
  } finally {
    writer.destroy();
  }
}

/** Opens `name` on vanilla Hocuspocus and pushes `state`; the holder keeps it loaded until released. */
export async function seedVanilla(wsUrl: string, name: string, state: Uint8Array): Promise<DocumentConnection> {
  const holder = await connectDocument(wsUrl, name, {}, { timeoutMs: 30_000 });
  try {
    Y.applyUpdate(holder.doc, state);
    await acknowledged(holder, `the board ${name}`);
    return holder;
  } catch (error) {
    holder.destroy();
    throw error;
  }
}
