/**
 * A freeze made on one node must hold on every node before the snapshot is read: otherwise an
 * edit another node applied just before hearing of the freeze would reach the board after the
 * snapshot and be in neither. So the freezing node asks every other node to freeze, each answers
 * once its connections are read-only with the state vector its copy of the board has reached,
 * and the freezing node waits until its own copy holds all of that (Redis carries the updates).
 * Nodes say they are alive every few seconds; every one of them must answer. If this node has
 * lost Redis, or an alive node does not answer in time, the freeze is refused (503) and undone by
 * the caller: better "try again" than a snapshot another node's edits slipped past.
 */
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { DomainError } from "../domain/errors.ts";
import type { ClusterBus } from "./clusterBus.ts";

const ANSWER_TIMEOUT_MS = 3_000;
const POLL_MS = 10;

export interface FreezeAnswer {
  requestId: string;
  stateVector?: string;
  from: string;
}

const UNREACHABLE =
  "The other server nodes cannot be reached to freeze the board everywhere at once. Nothing was frozen: try again in a moment.";

/** Whether `state` holds everything `wanted` describes. */
export function holdsStateVector(state: Map<number, number>, wanted: Map<number, number>): boolean {
  for (const [client, clock] of wanted) if ((state.get(client) ?? 0) < clock) return false;
  return true;
}

export function encodeStateVectorText(doc: Y.Doc): string {
  return Buffer.from(Y.encodeStateVector(doc)).toString("base64");
}

export class FreezeBarrier {
  private readonly waiting = new Map<string, (answer: FreezeAnswer) => void>();

  constructor(
    private readonly bus: ClusterBus,
    /** Asks the other nodes for what this node's copy of a document lacks. */
    private readonly requestPeerState: (documentName: string) => Promise<void>,
    private readonly isConnected: () => boolean,
  ) {
    bus.subscribe((event, from) => {
      if (event.type === "frozen") this.waiting.get(event.requestId)?.({ ...event, from });
    });
  }

  /** Refuses (503) before anything is locked when this node cannot reach the others at all. */
  assertReachable(): void {
    if (!this.isConnected()) throw new DomainError(503, UNREACHABLE);
  }

  /**
   * Freezes `auditId` on every other node and waits until `doc` holds what they had; throws a 503
   * DomainError when that cannot be made sure of.
   */
  async freezeOthers(auditId: string, doc: Y.Doc): Promise<void> {
    this.assertReachable();
    const others = await this.bus.otherNodes();
    if (others.length === 0) return;
    const requestId = randomUUID();
    const answers = new Map<string, FreezeAnswer>();
    this.waiting.set(requestId, (answer) => answers.set(answer.from, answer));
    try {
      await this.bus.publish({ type: "freeze", auditId, requestId });
      const deadline = Date.now() + ANSWER_TIMEOUT_MS;
      const allAnswered = () => others.every((node) => answers.has(node));
      while (!allAnswered() && Date.now() < deadline) await sleep(POLL_MS);
      if (!allAnswered()) throw new DomainError(503, UNREACHABLE);
      const wanted = [...answers.values()].flatMap((a) =>
        a.stateVector ? [Y.decodeStateVector(Buffer.from(a.stateVector, "base64"))] : [],
      );
      const held = () => wanted.every((w) => holdsStateVector(Y.decodeStateVector(Y.encodeStateVector(doc)), w));
      if (!held()) await this.requestPeerState(auditId);
      while (!held() && Date.now() < deadline) await sleep(POLL_MS);
      if (!held()) throw new DomainError(503, UNREACHABLE);
    } finally {
      this.waiting.delete(requestId);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
