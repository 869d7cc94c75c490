/** A board exactly as a restart would load it, read straight from the data folder's files. */
import * as Y from "yjs";
import { readStoredDocument } from "../../server/store/journal/onDisk.ts";
import { encodeStoredDocument } from "../../server/store/replay.ts";
import { readBoard } from "../../shared/board/index.ts";
import type { TestServer } from "./server.ts";

export async function onDisk(server: TestServer, auditId: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, encodeStoredDocument(await readStoredDocument(server.dataDir, auditId), auditId));
  return readBoard(doc);
}

/** The text of every card on the board, in every case and column. */
export const cardTexts = (board: Awaited<ReturnType<typeof onDisk>>) =>
  board.cases.flatMap((c) =>
    Object.values(c.columns)
      .flat()
      .map((card) => card.text),
  );
