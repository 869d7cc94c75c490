/**
 * A new Node client loading a board, with the bytes it really received: a HocuspocusProvider
 * over `ws` whose TCP socket is counted (net.Socket bytesRead), so the upgrade response and
 * every frame count as sent, compressed when permessage-deflate was negotiated.
 */
import net from "node:net";
import { performance } from "node:perf_hooks";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";

export interface BoardLoad {
  /** From opening the socket to the provider's first "synced". */
  ms: number;
  /** Bytes read from the TCP socket by then. */
  wireBytes: number;
  /** The WebSocket extensions the server accepted ("" when none, i.e. no compression). */
  extensions: string;
  doc: Y.Doc;
  destroy(): void;
}

/** A `ws` class that remembers the TCP sockets it opens. */
function countingWebSocket(sockets: net.Socket[], opened: WebSocket[]): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, {
        // Offer compression as browsers do (ws offers it by default; said here because it matters).
        perMessageDeflate: true,
        createConnection: (options: net.NetConnectOpts) => {
          const socket = net.connect(options);
          sockets.push(socket);
          return socket;
        },
      } as WebSocket.ClientOptions);
      opened.push(this);
    }
  } as typeof WebSocket;
}

/** Opens `name` as a new client and resolves at its first sync. */
export function loadBoard(wsUrl: string, name: string, token: string | null, timeoutMs = 30_000): Promise<BoardLoad> {
  const sockets: net.Socket[] = [];
  const opened: WebSocket[] = [];
  const doc = new Y.Doc();
  const started = performance.now();
  const websocketProvider = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: countingWebSocket(sockets, opened) });
  const provider = new HocuspocusProvider({ name, document: doc, websocketProvider, token });
  provider.attach();
  const destroy = () => {
    provider.destroy();
    websocketProvider.destroy();
    doc.destroy();
  };
  return new Promise<BoardLoad>((resolve, reject) => {
    const timer = setTimeout(() => {
      destroy();
      reject(new Error(`${name} did not sync within ${timeoutMs} ms`));
    }, timeoutMs);
    provider.on("authenticationFailed", ({ reason }: { reason: string }) => {
      clearTimeout(timer);
      destroy();
      reject(new Error(`${name} refused: ${reason}`));
    });
    provider.on("synced", () => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      resolve({
        ms,
        wireBytes: sockets.reduce((n, socket) => n + socket.bytesRead, 0),
        extensions: opened.map((ws) => ws.extensions).join(" "),
        doc,
        destroy,
      });
    });
  });
}
