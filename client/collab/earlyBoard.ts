/**
 * Opens an audit's board connection as soon as the bundle runs, when the page is that board: the
 * socket, its authentication and the first sync (~150 ms for a loaded board) then overlap the
 * session and audit fetches and React's first renders, which they used to follow (the socket
 * opened 470–600 ms after navigation, 100–200 ms after the bundle had run). useBoardConnection adopts
 * it, and what the provider said meanwhile is replayed to it. Not adopted in time (the person is
 * not signed in, not a member, or went elsewhere first), it is closed: nothing is kept. Every board
 * connection is opened by openBoardSocket here.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as Y from "yjs";
import { countQueuedUpdatesOnReconnect } from "./unconfirmedUpdates.ts";

/** The board's own route (App.tsx): not its members, trail, snapshots or presenter pages. */
const BOARD_PATH = /^\/audits\/([^/]+)\/?$/;
const ADOPT_WITHIN_MS = 15_000;

/** What the provider told the board page before it was adopted, in the order it came. */
export type EarlyEvent =
  | { name: "authenticated"; args: { scope: "read-write" | "readonly" } }
  | { name: "stateless"; args: { payload: string } };

/** A board's replica, its socket and its provider, attached. */
export interface BoardSocket {
  doc: Y.Doc;
  socket: HocuspocusProviderWebsocket;
  provider: HocuspocusProvider;
}

export interface EarlyBoard extends BoardSocket {
  events: EarlyEvent[];
}

interface Pending {
  auditId: string;
  board: EarlyBoard;
  /** Refused or closed before adoption. */
  broken: boolean;
  stopListening: () => void;
  expiry: ReturnType<typeof setTimeout>;
}

function collabUrl(): string {
  const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${window.location.host}/collab`;
}

/** Opens a connection to an audit's board: early, here, or later by the board page itself. */
export function openBoardSocket(auditId: string): BoardSocket {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: collabUrl() });
  const provider = new HocuspocusProvider({ name: auditId, document: doc, websocketProvider: socket });
  countQueuedUpdatesOnReconnect(provider);
  // A provider given its own websocketProvider does not attach itself.
  provider.attach();
  return { doc, socket, provider };
}

let early: Pending | undefined;

/** Starts the board's connection if this page is a board. Called once, before React renders. */
export function openBoardEarly(pathname: string): void {
  const match = BOARD_PATH.exec(pathname);
  if (!match || early) return;
  const board: EarlyBoard = { ...openBoardSocket(decodeURIComponent(match[1])), events: [] };
  const { provider } = board;
  const listeners = {
    authenticated: (args: { scope: "read-write" | "readonly" }) => board.events.push({ name: "authenticated", args }),
    stateless: (args: { payload: string }) => board.events.push({ name: "stateless", args }),
    close: () => {
      pending.broken = true;
    },
    authenticationFailed: () => {
      pending.broken = true;
    },
  };
  const pending: Pending = {
    auditId: provider.configuration.name,
    board,
    broken: false,
    stopListening: () => {
      for (const [name, listener] of Object.entries(listeners)) provider.off(name, listener);
    },
    // Adoption clears this timer.
    expiry: setTimeout(() => {
      release(pending);
      close(board);
    }, ADOPT_WITHIN_MS),
  };
  for (const [name, listener] of Object.entries(listeners)) provider.on(name, listener);
  early = pending;
}

/** Forgets the early connection and stops listening to it (the caller keeps or closes it). */
function release(pending: Pending): void {
  early = undefined;
  clearTimeout(pending.expiry);
  pending.stopListening();
}

function close({ doc, socket, provider }: BoardSocket): void {
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
  const pending = early;
  if (pending?.auditId !== auditId) return undefined;
  release(pending);
  if (!pending.broken) return pending.board;
  close(pending.board);
  return undefined;
}
