/**
 * A private redis-server child process on a free port, for tests that take Redis away: kill()
 * drops every connection at once (SIGSTOP would keep them open), start() brings a new, empty
 * one back on the same port. Nothing is saved to disk.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createConnection } from "node:net";
import { freePort } from "./ports.ts";
import { waitFor } from "./wait.ts";

/** Whether a Redis answers PING on `port`. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let reply = "";
    socket.setTimeout(500, () => socket.destroy());
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) socket.end();
    });
    socket.on("error", () => {});
    socket.on("close", () => resolve(reply.startsWith("+PONG")));
  });
}

export class RedisServer {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisServer> {
    const redis = new RedisServer(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts redis-server on this port (again) and resolves once it answers PING. */
  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(
      "redis-server",
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"],
      { stdio: "ignore" },
    );
    this.child = child;
    child.once("exit", () => {
      if (this.child === child) this.child = undefined;
    });
    // The test process never leaves it behind.
    process.once("exit", () => child.kill("SIGKILL"));
    await waitFor(() => answersPing(this.port), 10_000, `redis-server on port ${this.port} to answer`);
  }

  /** SIGKILL: every client connection drops at once. Resolves once the process has exited. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGKILL");
    await exited;
    this.child = undefined;
  }
}
