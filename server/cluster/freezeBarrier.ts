/**
 * A freeze made on one node must hold on every node before the snapshot is read: otherwise an
 * edit another node applied just before hearing of the freeze would reach the board after the
 * snapshot and be in neither. So the freezing node asks every other node to freeze, each answers
 * once its connections are read-only with the state vector its copy of the board has reached,
 * and the freezing node waits until its own copy holds all of that (Redis carries the updates).
 * The wait is bounded: a node that does not answer in time is logged and the freeze goes on.
 */
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { log } from "../log.ts";
import type { ClusterBus } from "./clusterBus.ts";

const ANSWER_TIMEOUT_MS = 3_000;
const POLL_MS = 10;

export interface FreezeAnswer {
  requestId: string;
  stateVector?: string;
}

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
  ) {
    bus.subscribe((event) => {
      if (event.type === "frozen") this.waiting.get(event.requestId)?.(event);
    });
  }

  /** Freezes `auditId` on every other node and waits until `doc` holds what they had. */
  async freezeOthers(auditId: string, doc: Y.Doc): Promise<void> {
    const requestId = randomUUID();
    const answers: FreezeAnswer[] = [];
    this.waiting.set(requestId, (answer) => answers.push(answer));
    try {
      const others = await this.bus.publish({ type: "freeze", auditId, requestId });
      if (others === 0) return;
      const deadline = Date.now() + ANSWER_TIMEOUT_MS;
      while (answers.length < others && Date.now() < deadline) await sleep(POLL_MS);
      const wanted = answers.flatMap((a) => (a.stateVector ? [Y.decodeStateVector(Buffer.from(a.stateVector, "base64"))] : []));
      const held = () => wanted.every((w) => holdsStateVector(Y.decodeStateVector(Y.encodeStateVector(doc)), w));
      if (!held()) await this.requestPeerState(auditId);
      while (!held() && Date.now() < deadline) await sleep(POLL_MS);
      if (answers.length < others || !held()) {
        log.error("freeze: other nodes did not all confirm in time; the snapshot may miss their last edits", {
          audit: auditId,
          answered: answers.length,
          nodes: others,
        });
      }
    } finally {
      this.waiting.delete(requestId);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
