/**
 * A tiny loopback TCP proxy standing in for a load balancer: each new connection goes to the
 * first target that accepts it, in order, so clients of a node reach the next node once the
 * first is down (or at once after prefer()). Bytes are passed through untouched; when either
 * side closes, so does the other, as a balancer does when a node dies.
 */
import { createConnection, createServer, type Server, type Socket } from "node:net";

export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  /** How many connections went to each target port. */
  readonly routed = new Map<number, number>();

  private constructor(
    private readonly server: Server,
    private targets: number[],
  ) {
    server.on("connection", (client) => this.accept(client));
  }

  static async start(targets: number[]): Promise<TcpProxy> {
    const server = createServer();
    const proxy = new TcpProxy(server, targets);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    return proxy;
  }

  get port(): number {
    const address = this.server.address();
    if (!address || typeof address === "string") throw new Error("the proxy is not listening");
    return address.port;
  }

  /** Sends new connections to `port` first from now on (existing ones stay where they are). */
  prefer(port: number): void {
    this.targets = [port, ...this.targets.filter((p) => p !== port)];
  }

  /** Closes every connection passing through now (clients then reconnect through the proxy). */
  dropAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once("close", () => this.sockets.delete(socket));
  }

  private accept(client: Socket): void {
    this.track(client);
    client.pause();
    client.on("error", () => client.destroy());
    this.connect(client, [...this.targets]);
  }

  private connect(client: Socket, remaining: number[]): void {
    const port = remaining.shift();
    if (port === undefined || client.destroyed) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: "127.0.0.1", port });
    let connected = false;
    upstream.once("connect", () => {
      connected = true;
      this.track(upstream);
      this.routed.set(port, (this.routed.get(port) ?? 0) + 1);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
      upstream.once("close", () => client.destroy());
      client.once("close", () => upstream.destroy());
    });
    upstream.on("error", () => {
      if (connected) upstream.destroy();
      else this.connect(client, remaining);
    });
  }
}
