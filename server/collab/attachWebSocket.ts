/**
 * Serves the Hocuspocus protocol at /collab on the Express app's own HTTP server (one port for
 * UI, API and collaboration). Upgrades from another site's page (a foreign Origin) are refused
 * before any WebSocket exists, as is every other path; sockets that do not authenticate for a
 * board within a few seconds are closed, and only so many may wait at once. Every frame is
 * checked (frames.ts) before Hocuspocus sees it; a malformed one closes its socket.
 */
import type { Server as HttpServer, IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Hocuspocus } from "@hocuspocus/server";
import crossws from "crossws/adapters/node";
import { LIMITS } from "../../shared/validation/limits.ts";
import { log } from "../log.ts";
import { frameProblem } from "./frames.ts";
import type { PendingSockets } from "./pendingSockets.ts";

export const COLLAB_PATH = "/collab";

type ClientConnection = ReturnType<Hocuspocus["handleConnection"]>;

export interface WebSocketOptions {
  hocuspocus: Hocuspocus;
  pending: PendingSockets;
  /** Origins allowed besides the server's own (e.g. a dev server); exact "scheme://host:port". */
  allowedOrigins: readonly string[];
}

/** A browser always sends Origin on a WebSocket; scripts may omit it (they still must authenticate). */
export function originAllowed(request: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function refuseUpgrade(socket: Duplex, status: 403 | 404 | 503, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function attachWebSocket(server: HttpServer, { hocuspocus, pending, allowedOrigins }: WebSocketOptions): { closeAll: () => void } {
  const connections = new WeakMap<object, ClientConnection>();
  const ws = crossws({
    serverOptions: {
      // Frames over the limit close the socket (1009) before they reach Yjs.
      maxPayload: LIMITS.wsMessageBytes,
      // A loaded board is ~0.8 MB of Yjs state and compresses about 4:1, so a joiner's first sync
      // is compressed. Edits stay uncompressed even when Hocuspocus batches many into one
      // broadcast: ws compresses a frame once per recipient, and with 300 people that zlib work
      // made the server fall behind (measured: 18 % delivered at 1 KB, 100 % at 64 KB). No
      // context is kept between messages, so an idle connection holds no zlib memory.
      perMessageDeflate: { threshold: 64 * 1024, serverNoContextTakeover: true, clientNoContextTakeover: true },
    },
    hooks: {
      open(peer) {
        pending.add(peer.request, () => peer.close(4408, "Authentication timeout"));
        connections.set(peer, hocuspocus.handleConnection(peer.websocket as WebSocket, peer.request));
      },
      message(peer, message) {
        const frame = message.uint8Array();
        const problem = frameProblem(frame);
        if (problem) {
          log.warn("closed a socket that sent a malformed frame", { peer: peer.id, bytes: frame.length, problem: problem.slice(0, 200) });
          peer.close(1007, "Malformed message");
          return;
        }
        try {
          connections.get(peer)?.handleMessage(frame);
        } catch (error) {
          log.warn("dropped a malformed collaboration message", { peer: peer.id, error: String(error) });
          peer.close(1003, "Malformed message");
        }
      },
      close(peer, event) {
        pending.settle(peer.request);
        connections.get(peer)?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? "" });
        connections.delete(peer);
      },
      error(peer, error) {
        log.warn("collaboration socket error", { peer: peer.id, error: String(error) });
      },
    },
  });

  server.on("upgrade", (request, socket, head) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname !== COLLAB_PATH) {
      socket.destroy();
      return;
    }
    if (!originAllowed(request, allowedOrigins)) {
      log.warn("refused a WebSocket from a foreign origin", { origin: String(request.headers.origin).slice(0, 100) });
      refuseUpgrade(socket, 403, "Forbidden");
      return;
    }
    if (pending.size >= pending.max) {
      log.warn("refused a WebSocket: too many unauthenticated sockets", { pending: pending.size });
      refuseUpgrade(socket, 503, "Service Unavailable");
      return;
    }
    ws.handleUpgrade(request, socket, head).catch((error) => {
      log.warn("collaboration upgrade failed", { error: String(error) });
      socket.destroy();
    });
  });
  return { closeAll: () => ws.closeAll(1001, "Server shutting down") };
}
