/** Messages between the benchmark and its client worker threads. */
import type { SeatPlan } from "./benchClient.ts";
import type { ClientStalls } from "./clientStalls.ts";

export interface FleetWorkerData {
  wsUrl: string;
  seats: SeatPlan[];
  editIntervalMs: number;
  /** Writers also move their caret (awareness) with every edit. */
  presence: boolean;
  /** Clients connecting at once while the fleet assembles. */
  connectConcurrency: number;
  /** Server nodes the seats are spread over (nodeOfSeat); 1 for a single server. */
  nodes: number;
}

export type FleetCommand =
  /** Start writing now; stamps sent before `measureFrom` are warm-up and not counted. */
  { type: "go"; measureFrom: number; sendUntil: number; graceMs: number } | { type: "stop" };

export type FleetReport =
  | { type: "connected"; count: number }
  | {
      type: "done";
      /** Per observed stamp: receive − send (ms), its send time and receive time (epoch ms). */
      latencies: Float64Array;
      /** The latencies of stamps written by a client of another node (empty with one node). */
      crossNodeLatencies: Float64Array;
      sentAts: Float64Array;
      receivedAts: Float64Array;
      /** Measured edits sent, per board. */
      sentByDoc: Record<string, number>;
      /** This client thread's own stalls while it measured. */
      stalls: ClientStalls;
    }
  | { type: "stopped" }
  | { type: "failed"; error: string };
