/**
 * A real provider that adds cards on a timer, with exact acknowledgement tracking (AckTracker)
 * and a record of what the server told it (access changes, refusals, the cluster link, closes).
 * Each card's text is unique, with the writer's clock just after it was added, so a test can
 * say which acknowledged cards a document lacks.
 */
import { HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as decoding from "lib0/decoding";
import type WebSocket from "ws";
import * as Y from "yjs";
import { COLUMN_IDS, orderedCaseIds } from "../../shared/board/index.ts";
import type { BoardJson } from "../../shared/domain/board.ts";
import { type AccessChangedMessage, parseAccessChanged, parseClusterLink, parseEditRejected } from "../../shared/domain/liveAccess.ts";
import { AckTracker } from "./acknowledged.ts";
import { type BoardConnection, connectBoard } from "./board.ts";
import type { Credentials } from "./people.ts";
import { waitFor } from "./wait.ts";

export interface Heard {
  access: AccessChangedMessage[];
  rejected: number;
  /** Every cluster-link message, in order. */
  link: boolean[];
  closes: { code: number; reason: string }[];
}

export class LiveWriter {
  /** Cards this writer added: text and its own clock right after adding it. */
  readonly cards: { id: string; text: string; clock: number }[] = [];
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    readonly name: string,
    readonly connection: BoardConnection,
    readonly socket: HocuspocusProviderWebsocket,
    readonly tracker: AckTracker,
    readonly heard: Heard,
  ) {
    connection.provider.on("close", ({ event }: { event: { code: number; reason: string } }) => {
      this.heard.closes.push({ code: event.code, reason: event.reason });
    });
  }

  static async connect(name: string, wsUrl: string, auditId: string, credentials: Credentials): Promise<LiveWriter> {
    const doc = new Y.Doc();
    const tracker = new AckTracker(doc);
    const headers: Record<string, string> = credentials.cookie ? { cookie: credentials.cookie } : {};
    const heard: Heard = { access: [], rejected: 0, link: [], closes: [] };
    const socket = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: listeningTo(tracker.webSocketClass(headers), heard) });
    const connection = await connectBoard(wsUrl, auditId, credentials, { socket, doc, timeoutMs: 20_000 }).catch((error) => {
      socket.destroy();
      throw error;
    });
    return new LiveWriter(name, connection, socket, tracker, heard);
  }

  get doc(): Y.Doc {
    return this.connection.doc;
  }

  /** Adds one card to a case of the board (round robin over cases and columns); returns its id. */
  addCard(): string {
    const caseIds = orderedCaseIds(this.doc).map((c) => c.id);
    if (caseIds.length === 0) throw new Error(`${this.name}: the board has no case yet`);
    const n = this.cards.length;
    const text = `${this.name} card ${n + 1}`;
    const id = this.connection.board.addCard(caseIds[n % caseIds.length], COLUMN_IDS[n % COLUMN_IDS.length], text, "police", this.name);
    this.cards.push({ id, text, clock: this.tracker.clock });
    return id;
  }

  /** Adds a card every `everyMs` until stop(). */
  start(everyMs: number): void {
    this.stop();
    this.timer = setInterval(() => this.addCard(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Cards acknowledged up to `acknowledged` (this writer's clock) that `board` lacks, by text. */
  missingFrom(board: BoardJson, acknowledged = this.tracker.acknowledgedClock): string[] {
    const texts = new Map(board.cases.flatMap((c) => COLUMN_IDS.flatMap((col) => c.columns[col].map((card) => [card.id, card.text]))));
    return this.cards.filter((c) => c.clock <= acknowledged && texts.get(c.id) !== c.text).map((c) => `${c.text} (clock ${c.clock})`);
  }

  acknowledgedCards(acknowledged = this.tracker.acknowledgedClock): number {
    return this.cards.filter((c) => c.clock <= acknowledged).length;
  }

  /**
   * Once the socket to a dead node has closed (its last acks read), keeps this client offline:
   * on reconnecting it would re-send everything it holds and hide what the server lost.
   */
  async holdOffline(timeoutMs = 10_000): Promise<void> {
    let closed = false;
    void this.tracker.whenCurrentSocketsClose().then(() => {
      closed = true;
    });
    await waitFor(() => closed, timeoutMs, `${this.name}'s socket to close`);
    this.socket.disconnect();
  }

  destroy(): void {
    this.stop();
    this.connection.destroy();
    this.socket.destroy();
  }
}

const MESSAGE_STATELESS = 5;

/**
 * Records the stateless messages a socket receives, read off the wire: the server may send one
 * (the cluster link being down) as soon as the connection is authenticated, before the provider
 * has synced and before a listener on the provider could be attached.
 */
function listeningTo(base: typeof WebSocket, heard: Heard): typeof WebSocket {
  return class extends base {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      this.on("message", (data: Buffer) => {
        if (data.length < 2) return;
        const decoder = decoding.createDecoder(new Uint8Array(data));
        decoding.readVarString(decoder);
        if (decoding.readVarUint(decoder) !== MESSAGE_STATELESS) return;
        const payload = decoding.readVarString(decoder);
        const access = parseAccessChanged(payload);
        if (access) heard.access.push(access);
        if (parseEditRejected(payload)) heard.rejected += 1;
        const link = parseClusterLink(payload);
        if (link) heard.link.push(link.connected);
      });
    }
  } as typeof WebSocket;
}

/** Whether two documents hold exactly the same updates. */
export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  const vector = (doc: Y.Doc) => JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((x, y) => x[0] - y[0]));
  return vector(a) === vector(b);
}
