/**
 * Serves the Hocuspocus protocol at /collab on the Express app's own HTTP server (one port for
 * UI, API and collaboration). Every other upgrade request is refused.
 */
import type { Server as HttpServer } from "node:http";
import type { Hocuspocus } from "@hocuspocus/server";
import crossws from "crossws/adapters/node";
import { LIMITS } from "../../shared/validation/limits.ts";
import { log } from "../log.ts";

export const COLLAB_PATH = "/collab";

type ClientConnection = ReturnType<Hocuspocus["handleConnection"]>;

export function attachWebSocket(server: HttpServer, hocuspocus: Hocuspocus): { closeAll: () => void } {
  const connections = new WeakMap<object, ClientConnection>();
  const ws = crossws({
    // Frames over the limit close the socket (1009) before they reach Yjs.
    serverOptions: { maxPayload: LIMITS.wsMessageBytes },
    hooks: {
      open(peer) {
        connections.set(peer, hocuspocus.handleConnection(peer.websocket as WebSocket, peer.request));
      },
      message(peer, message) {
        try {
          connections.get(peer)?.handleMessage(message.uint8Array());
        } catch (error) {
          log.warn("dropped a malformed collaboration message", { peer: peer.id, error: String(error) });
          peer.close(1003, "Malformed message");
        }
      },
      close(peer, event) {
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
    ws.handleUpgrade(request, socket, head).catch((error) => {
      log.warn("collaboration upgrade failed", { error: String(error) });
      socket.destroy();
    });
  });
  return { closeAll: () => ws.closeAll(1001, "Server shutting down") };
}
