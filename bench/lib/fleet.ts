/**
 * The client side of a latency scenario: its seats spread over worker threads (so the clients
 * can use more than one core when the machine has them), assembled, run and torn down together.
 */
import type { Worker } from "node:worker_threads";
import type { SeatPlan } from "./benchClient.ts";
import { type ClientStalls, combineStalls } from "./clientStalls.ts";
import { nowMs } from "./clock.ts";
import type { FleetCommand, FleetReport, FleetWorkerData } from "./fleetProtocol.ts";
import { startTsWorker } from "./threads.ts";

export interface FleetOptions {
  threads: number;
  editIntervalMs: number;
  presence: boolean;
  /** Server nodes the seats are spread over (each seat's plan names its node); 1 by default. */
  nodes?: number;
}

export interface FleetResult {
  latencies: Float64Array[];
  /** Those of stamps written on another node than the receiver's (empty with one node). */
  crossNodeLatencies: Float64Array[];
  sentAts: Float64Array[];
  receivedAts: Float64Array[];
  /** Edits sent in the measured window. */
  sent: number;
  /** Deliveries owed: each measured edit to every other client on its board. */
  expected: number;
  received: number;
  /** The client threads' own stalls while they measured. */
  clientStalls: ClientStalls;
}

const WORKER_URL = new URL("./fleetWorker.ts", import.meta.url);
const CONNECT_CONCURRENCY = 20;

export class Fleet {
  private constructor(
    private readonly workers: Worker[],
    private readonly seats: readonly SeatPlan[],
  ) {}

  /** Connects every seat (all synced) or throws. */
  static async assemble(wsUrl: string, seats: readonly SeatPlan[], options: FleetOptions): Promise<Fleet> {
    const threads = Math.max(1, Math.min(options.threads, seats.length));
    const shares: SeatPlan[][] = Array.from({ length: threads }, () => []);
    for (const [i, seat] of seats.entries()) shares[i % threads].push(seat);
    const workers = shares.map((share) =>
      startTsWorker(WORKER_URL, {
        wsUrl,
        seats: share,
        editIntervalMs: options.editIntervalMs,
        presence: options.presence,
        connectConcurrency: Math.ceil(CONNECT_CONCURRENCY / threads),
        nodes: options.nodes ?? 1,
      } satisfies FleetWorkerData),
    );
    const fleet = new Fleet(workers, seats);
    try {
      await Promise.all(workers.map((worker) => reply(worker, "connected")));
    } catch (error) {
      await fleet.stop();
      throw error;
    }
    return fleet;
  }

  /** Writers edit for warm-up + measure ms; then `graceMs` for the last deliveries. */
  async run(warmupMs: number, measureMs: number, graceMs: number): Promise<FleetResult> {
    const start = nowMs();
    const command: FleetCommand = { type: "go", measureFrom: start + warmupMs, sendUntil: start + warmupMs + measureMs, graceMs };
    const done = this.workers.map((worker) => reply(worker, "done"));
    for (const worker of this.workers) worker.postMessage(command);
    const reports = await Promise.all(done);
    const sentByDoc = new Map<string, number>();
    for (const report of reports) {
      for (const [doc, n] of Object.entries(report.sentByDoc)) sentByDoc.set(doc, (sentByDoc.get(doc) ?? 0) + n);
    }
    const seatsByDoc = new Map<string, number>();
    for (const seat of this.seats) seatsByDoc.set(seat.docName, (seatsByDoc.get(seat.docName) ?? 0) + 1);
    let sent = 0;
    let expected = 0;
    for (const [doc, n] of sentByDoc) {
      sent += n;
      expected += n * ((seatsByDoc.get(doc) ?? 1) - 1);
    }
    return {
      latencies: reports.map((r) => r.latencies),
      crossNodeLatencies: reports.map((r) => r.crossNodeLatencies),
      sentAts: reports.map((r) => r.sentAts),
      receivedAts: reports.map((r) => r.receivedAts),
      sent,
      expected,
      received: reports.reduce((n, r) => n + r.latencies.length, 0),
      clientStalls: combineStalls(reports.map((r) => r.stalls)),
    };
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.workers.map(async (worker) => {
        const stopped = reply(worker, "stopped").catch(() => undefined);
        worker.postMessage({ type: "stop" } satisfies FleetCommand);
        await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        await worker.terminate();
      }),
    );
  }
}

/** The worker's next report of `type`; rejects on a failure report or a crash. */
function reply<T extends FleetReport["type"]>(worker: Worker, type: T): Promise<Extract<FleetReport, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (report: FleetReport) => {
      if (report.type === type) {
        cleanup();
        resolve(report as Extract<FleetReport, { type: T }>);
      } else if (report.type === "failed") {
        cleanup();
        reject(new Error(`client thread: ${report.error}`));
      }
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`client thread exited (code ${code}) before '${type}'`));
    };
    const cleanup = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
  });
}
