/** What the client worker needs of a client, whether a real provider or a light protocol client. */
import type { Stamp } from "./stamps.ts";

export interface SeatPlan {
  docName: string;
  token: string | null;
  /** The card this seat types into, and its number among the board's writers; none for a listener. */
  ownCard?: string;
  writer?: number;
  /**
   * "provider": a real HocuspocusProvider applying everything it receives (as a browser does).
   * "light": the same messages on the wire, but received updates are only read, not applied, so
   * hundreds of clients fit in the benchmark's share of the CPU (see lightClient.ts).
   */
  kind: "provider" | "light";
  /** With several server nodes: the one this seat connects to (its address, and its number). */
  node?: { wsUrl: string; index: number };
}

/** Which node a seat of a board connects to: round robin, so writers and listeners spread evenly. */
export function nodeOfSeat(seat: number, nodes: number): number {
  return seat % nodes;
}

export type OnStamp = (stamp: Stamp, receivedAt: number) => void;

export interface BenchClient {
  readonly plan: SeatPlan;
  readonly isWriter: boolean;
  /** Calls `onStamp` once per new stamp of every other writer on this board. */
  watch(onStamp: OnStamp): void;
  /** Types one edit whose text carries its send time; with presence on, also moves the caret. */
  edit(presence: boolean): Stamp;
  destroy(): void;
}
