/**
 * Opens an audit's board connection as soon as the bundle runs, when the page is that board: the
 * socket, its authentication and the first sync (~150 ms for a loaded board) then overlap the
 * session and audit fetches and React's first renders, which they used to follow (the socket
 * opened ~500 ms after navigation, ~200 ms after the bundle had run). useBoardConnection adopts
 * it, and what the provider said meanwhile is replayed to it. Not adopted in time (the person is
 * not signed in, not a member, or went elsewhere first), it is closed: nothing is kept.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as Y from "yjs";
import { countQueuedUpdatesOnReconnect } from "./unconfirmedUpdates.ts";

/** The board's own route (App.tsx): not its members, trail, snapshots or presenter pages. */
const BOARD_PATH = /^\/audits\/([^/]+)\/?$/;
const ADOPT_WITHIN_MS = 15_000;

/** The provider events the board page acts on, in the order they came. */
export type EarlyEvent =
  | { name: "authenticated"; args: { scope: "read-write" | "readonly" } }
  | { name: "stateless"; args: { payload: string } }
  | { name: "close"; args: { event: CloseEvent } }
  | { name: "authenticationFailed"; args: { reason: string } };

export interface EarlyBoard {
  doc: Y.Doc;
  socket: HocuspocusProviderWebsocket;
  provider: HocuspocusProvider;
  /** What happened before adoption. */
  events: EarlyEvent[];
}

export function collabUrl(): string {
  const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${window.location.host}/collab`;
}

let early: { auditId: string; board: EarlyBoard & { stopRecording: () => void }; expiry: ReturnType<typeof setTimeout> } | undefined;

/** Starts the board's connection if this page is a board. Called once, before React renders. */
export function openBoardEarly(pathname: string): void {
  const match = BOARD_PATH.exec(pathname);
  if (!match || early) return;
  const auditId = decodeURIComponent(match[1]);
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: collabUrl() });
  const provider = new HocuspocusProvider({ name: auditId, document: doc, websocketProvider: socket });
  countQueuedUpdatesOnReconnect(provider);
  provider.attach();
  const events: EarlyEvent[] = [];
  const record = {
    authenticated: (args: { scope: "read-write" | "readonly" }) => events.push({ name: "authenticated", args }),
    stateless: (args: { payload: string }) => events.push({ name: "stateless", args }),
    close: (args: { event: CloseEvent }) => events.push({ name: "close", args }),
    authenticationFailed: (args: { reason: string }) => events.push({ name: "authenticationFailed", args }),
  };
  for (const [name, listener] of Object.entries(record)) provider.on(name, listener);
  const stopRecording = () => {
    for (const [name, listener] of Object.entries(record)) provider.off(name, listener);
  };
  const expiry = setTimeout(() => {
    early = undefined;
    close(board);
  }, ADOPT_WITHIN_MS);
  const board = { doc, socket, provider, events, stopRecording };
  early = { auditId, board, expiry };
}

function close({ doc, socket, provider, stopRecording }: EarlyBoard & { stopRecording: () => void }): void {
  stopRecording();
  provider.destroy();
  socket.destroy();
  doc.destroy();
}

/**
 * The connection opened early for this audit's board, once: later mounts open their own. One
 * that was refused or closed is not handed over: the person may have signed in since (the
 * sign-in page brings them back here without a reload), and a fresh one answers for now.
 */
export function adoptEarlyBoard(auditId: string): EarlyBoard | undefined {
  if (!early || early.auditId !== auditId) return undefined;
  const { board, expiry } = early;
  early = undefined;
  clearTimeout(expiry);
  if (board.events.some((event) => event.name === "authenticationFailed" || event.name === "close")) {
    close(board);
    return undefined;
  }
  board.stopRecording();
  return board;
}
