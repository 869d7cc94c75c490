/**
 * Puts on a board what a scenario needs, through one setup client and the shared board functions:
 * a card per writer, or the loaded 60-case board of bench/board (the same realistic meeting the
 * board benchmark measures). The setup client stays connected until release(): vanilla
 * Hocuspocus keeps a document only while someone is connected to it.
 */
import * as Y from "yjs";
import { addCard, addCase, COLUMN_IDS, cardIdsByCase, initBoard } from "../../shared/board/index.ts";
import { connectDocument, type DocumentConnection } from "../../test/helpers/board.ts";
import { waitFor } from "../../test/helpers/wait.ts";
import { LOADED_BOARD, planBoard } from "../board/plan.ts";
import { type CardStamp, writeBoard } from "../board/write.ts";

export interface PreparedBoard {
  docName: string;
  /** Card ids, case by case in agenda order, column by column. */
  cardIds: string[];
  /** Size of the whole board as one Yjs update. */
  stateBytes: number;
  /** Disconnects the setup client. */
  release(): void;
}

/** One case holding a card for each writer (created by the setup client, as a person would). */
export function prepareWriterCards(
  wsUrl: string,
  docName: string,
  token: string | null,
  stamp: CardStamp,
  writers: number,
): Promise<PreparedBoard> {
  return prepare(wsUrl, docName, token, (doc) => {
    const caseId = addCase(doc, { label: "Case 1" });
    for (let w = 0; w < writers; w++) {
      addCard(doc, { caseId, column: COLUMN_IDS[w % COLUMN_IDS.length], text: "", agency: stamp.agency, author: stamp.author });
    }
  });
}

/** The loaded board: 60 cases × 20 cards typed by many attendees, as bench/board plans it. */
export function prepareLoadedBoard(wsUrl: string, docName: string, token: string | null, stamp: CardStamp): Promise<PreparedBoard> {
  return prepare(wsUrl, docName, token, (doc) => {
    // Written in a scratch copy, then sent as one update (as bench/board seeds it).
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    writeBoard(scratch, planBoard(LOADED_BOARD), undefined, stamp);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(doc)));
    scratch.destroy();
  });
}

async function prepare(wsUrl: string, docName: string, token: string | null, fill: (doc: Y.Doc) => void): Promise<PreparedBoard> {
  const setup = await connectDocument(wsUrl, docName, token ? { token } : {}, { timeoutMs: 30_000 });
  try {
    const { doc } = setup;
    // Our server initialises every new board itself; vanilla Hocuspocus starts from nothing.
    initBoard(doc);
    fill(doc);
    await acknowledged(setup);
    const cardIds = [...cardIdsByCase(doc).values()].flatMap((columns) => COLUMN_IDS.flatMap((column) => columns[column]));
    return { docName, cardIds, stateBytes: Y.encodeStateAsUpdate(doc).byteLength, release: () => setup.destroy() };
  } catch (error) {
    setup.destroy();
    throw error;
  }
}

function acknowledged(connection: DocumentConnection): Promise<unknown> {
  return waitFor(
    () => !connection.provider.hasUnsyncedChanges,
    60_000,
    `the server to acknowledge the setup of ${connection.provider.configuration.name}`,
  );
}
