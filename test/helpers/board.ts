/**
 * Real collaboration clients for integration tests: a HocuspocusProvider over a real `ws`
 * WebSocket, with a small vocabulary for changing the board through the shared functions.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { addCard, addCase, type ColumnId, deleteCard, moveCard, readBoard, readCard, setCardText } from "../../shared/board/index.ts";
import type { BoardJson, CardJson } from "../../shared/domain/board.ts";
import type { Credentials } from "./people.ts";
import { waitFor } from "./wait.ts";

export interface ConnectOptions {
  /** How long to wait for the first sync before giving up. */
  timeoutMs?: number;
  /** Sent on the WebSocket upgrade (browsers send their page's origin). */
  origin?: string;
  /**
   * An open socket to multiplex on (as the browser does for the board and meeting documents);
   * a new one when omitted. A shared socket is left open by destroy().
   */
  socket?: HocuspocusProviderWebsocket;
  /** The Y.Doc to connect (e.g. one a test already watches); a fresh one when omitted. */
  doc?: Y.Doc;
}

/** `ws` with the cookie and origin a browser would send on the upgrade request. */
function webSocketWith(headers: Record<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  } as typeof WebSocket;
}

export interface BoardConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Scenario vocabulary on this client's replica. */
  board: BoardClient;
  destroy(): void;
}

/**
 * Connects a fresh Y.Doc to `auditId` and resolves once it is synced with the server.
 * Rejects (and cleans up) when the server refuses the document or nothing syncs in time.
 */
export async function connectBoard(
  wsUrl: string,
  auditId: string,
  credentials: Credentials,
  options: ConnectOptions = {},
): Promise<BoardConnection> {
  const connection = await connectDocument(wsUrl, auditId, credentials, options);
  return { ...connection, board: new BoardClient(connection.doc, connection.provider) };
}

export type DocumentConnection = Omit<BoardConnection, "board">;

/** Connects a fresh Y.Doc to the document `name` (any name: the server decides) and waits for its first sync. */
export function connectDocument(
  wsUrl: string,
  name: string,
  credentials: Credentials,
  options: ConnectOptions = {},
): Promise<DocumentConnection> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doc = options.doc ?? new Y.Doc();
  const headers: Record<string, string> = {};
  if (credentials.cookie) headers.cookie = credentials.cookie;
  if (options.origin) headers.origin = options.origin;
  const socket = options.socket ?? new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: webSocketWith(headers) });
  const provider = new HocuspocusProvider({ name, document: doc, websocketProvider: socket, token: credentials.token ?? null });
  provider.setAwarenessField("user", { name: "Whoever I say I am", color: "#1d4ed8" });
  // A provider given its own websocketProvider does not attach itself: without this it never syncs.
  provider.attach();

  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    provider.destroy();
    if (!options.socket) socket.destroy();
    doc.destroy();
  };
  const connection: DocumentConnection = { doc, provider, socket, destroy };

  return new Promise<DocumentConnection>((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      destroy();
      reject(new Error(`Document '${name}' did not sync: ${reason}`));
    };
    const timer = setTimeout(() => fail(`no sync within ${timeoutMs} ms`), timeoutMs);
    provider.on("authenticationFailed", ({ reason }: { reason: string }) => fail(`refused by the server (${reason})`));
    provider.on("synced", () => {
      clearTimeout(timer);
      resolve(connection);
    });
  });
}

/** Board changes and reads on one replica, written with the functions from shared/board. */
export class BoardClient {
  constructor(
    readonly doc: Y.Doc,
    private readonly provider?: HocuspocusProvider,
  ) {}

  read(): BoardJson {
    return readBoard(this.doc);
  }

  card(cardId: string): CardJson | undefined {
    return readCard(this.doc, cardId);
  }

  addCase(label: string): string {
    return addCase(this.doc, { label });
  }

  addCard(caseId: string, column: ColumnId, text: string, agency = "police", author = "Test user"): string {
    const id = addCard(this.doc, { caseId, column, text, agency, author });
    if (!id) throw new Error(`addCard: no case '${caseId}' on this replica`);
    return id;
  }

  moveCard(cardId: string, column: ColumnId, index: number): void {
    if (!moveCard(this.doc, cardId, { column, index })) throw new Error(`moveCard: no card '${cardId}'`);
  }

  setText(cardId: string, text: string): void {
    if (!setCardText(this.doc, cardId, text)) throw new Error(`setText: no card '${cardId}'`);
  }

  deleteCard(cardId: string): void {
    if (!deleteCard(this.doc, cardId)) throw new Error(`deleteCard: no card '${cardId}'`);
  }

  /** Texts of one column of one case, top to bottom. */
  column(caseId: string, column: ColumnId): string[] {
    const found = this.read().cases.find((c) => c.id === caseId);
    return found ? found.columns[column].map((card) => card.text) : [];
  }

  /** Resolves once the server has acknowledged every local change. */
  async flushed(timeoutMs = 5_000): Promise<void> {
    const provider = this.provider;
    if (!provider) return;
    await waitFor(() => !provider.hasUnsyncedChanges, timeoutMs, "the server to acknowledge local changes");
  }
}
