/**
 * What is wrong with this server right now, for GET /api/health and the logs: a part that keeps
 * failing (writing a document's log, compacting it) reports itself degraded until it recovers.
 */
import { log } from "./log.ts";

export interface HealthProblem {
  /** Which part, e.g. "update-log:<document>". */
  part: string;
  reason: string;
  since: string;
}

export class Health {
  private readonly problems = new Map<string, HealthProblem>();
  private draining = false;

  /** From a graceful shutdown on: the load balancer should send nobody new here. */
  startDraining(): void {
    this.draining = true;
  }

  /** Whether this node takes new connections (GET /api/ready). */
  get ready(): boolean {
    return !this.draining;
  }

  degraded(part: string, reason: string): void {
    if (!this.problems.has(part)) log.error("degraded", { part, reason });
    this.problems.set(part, { part, reason, since: this.problems.get(part)?.since ?? new Date().toISOString() });
  }

  recovered(part: string): void {
    if (this.problems.delete(part)) log.info("recovered", { part });
  }

  report(): { status: "ok" | "degraded"; problems: HealthProblem[] } {
    const problems = [...this.problems.values()];
    return { status: problems.length === 0 ? "ok" : "degraded", problems };
  }
}
