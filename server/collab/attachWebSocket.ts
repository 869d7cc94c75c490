/**
 * Serves the Hocuspocus protocol at /collab on the Express app's own HTTP server (one port for
 * UI, API and collaboration). Upgrades from another site's page (a foreign Origin) are refused
 * before any WebSocket exists, as is every other path; sockets that do not authenticate for a
 * board within a few seconds are closed, and only so many may wait at once. Every frame is
 * checked (frames.ts) before Hocuspocus sees it; a malformed one closes its socket.
 *
 * Hocuspocus is handed `ws` sockets directly rather than through crossws (STACK.md's wiring):
 * crossws gives it each socket behind a Proxy, and every send to every recipient then ran the
 * Proxy's trap for each property ws's send reads (a few percent of the server's CPU in the
 * benchmark's broadcast-heavy meetings).
 */
import type { Server as HttpServer, IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Hocuspocus } from "@hocuspocus/server";
import { type WebSocket, WebSocketServer } from "ws";
import { LIMITS } from "../../shared/validation/limits.ts";
import { log } from "../log.ts";
import { frameProblem } from "./frames.ts";
import type { PendingSockets } from "./pendingSockets.ts";

export const COLLAB_PATH = "/collab";

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

function refuseUpgrade(socket: Duplex, status: 400 | 403 | 404 | 503, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The request Hocuspocus keeps for a socket and passes to its hooks, which read its headers (the
 * cookie) and its URL. Not a web Request: Hocuspocus reads `url` three times for every message
 * (its hooks' requestParameters), and a Request serializes its URL on each read, which Hocuspocus
 * then parses again; a path with its query string is a plain field and is read as such (several
 * percent of the server's main thread in the 50-board benchmark).
 */
function collabRequest(request: IncomingMessage): Request {
  // Throws on a Host that is no valid host (the upgrade is then refused with 400).
  new URL(`http://${request.headers.host ?? "localhost"}${request.url ?? "/"}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else if (value !== undefined) headers.set(name, value);
  }
  const collab: Pick<Request, "url" | "headers"> = { url: request.url ?? "/", headers };
  return collab as Request;
}

export function attachWebSocket(server: HttpServer, { hocuspocus, pending, allowedOrigins }: WebSocketOptions): { closeAll: () => void } {
  const wss = new WebSocketServer({
    noServer: true,
    // Frames over the limit close the socket (1009) before they reach Yjs.
    maxPayload: LIMITS.wsMessageBytes,
    // A loaded board is ~0.8 MB of Yjs state and compresses about 4:1, so a joiner's first sync
    // is compressed. Edits stay uncompressed even when Hocuspocus batches many into one
    // broadcast: ws compresses a frame once per recipient, and with 300 people that zlib work
    // made the server fall behind (measured: 18 % delivered at 1 KB, 100 % at 64 KB). No
    // context is kept between messages, so an idle connection holds no zlib memory.
    perMessageDeflate: { threshold: 64 * 1024, serverNoContextTakeover: true, clientNoContextTakeover: true },
  });
  /** Names sockets in the log (no addresses: those are personal data). */
  let socketCount = 0;

  function serve(socket: WebSocket, request: Request): void {
    const id = ++socketCount;
    pending.add(request, () => socket.close(4408, "Authentication timeout"));
    const connection = hocuspocus.handleConnection(socket, request);
    // With ws's default binaryType every message is one Buffer (fragments joined).
    socket.on("message", (frame: Buffer) => {
      const problem = frameProblem(frame);
      if (problem) {
        log.warn("closed a socket that sent a malformed frame", { socket: id, bytes: frame.length, problem: problem.slice(0, 200) });
        socket.close(1007, "Malformed message");
        return;
      }
      try {
        connection.handleMessage(frame);
      } catch (error) {
        log.warn("dropped a malformed collaboration message", { socket: id, error: String(error) });
        socket.close(1003, "Malformed message");
      }
    });
    socket.on("close", (code: number, reason: Buffer) => {
      pending.settle(request);
      connection.handleClose({ code, reason: reason.toString() });
    });
    // ws reports protocol errors (an oversize frame, bad framing) here and closes the socket itself.
    socket.on("error", (error) => log.warn("collaboration socket error", { socket: id, error: String(error) }));
  }

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
    let forHocuspocus: Request;
    try {
      forHocuspocus = collabRequest(request);
    } catch (error) {
      log.warn("refused a WebSocket with a malformed request", { error: String(error).slice(0, 200) });
      refuseUpgrade(socket, 400, "Bad Request");
      return;
    }
    // ws answers a bad handshake itself (400) and destroys the socket.
    wss.handleUpgrade(request, socket, head, (webSocket) => serve(webSocket, forHocuspocus));
  });
  return {
    closeAll: () => {
      for (const client of wss.clients) client.close(1001, "Server shutting down");
    },
  };
}
