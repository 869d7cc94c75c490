/**
 * Where several nodes share a document's log (PostgreSQL), the updates other nodes logged reach
 * this node through Redis; this reads back the ones that did not. See DocumentLog.readForeignUpdates.
 */
import * as Y from "yjs";
import { log } from "../../log.ts";
import { dropPendingStructs } from "../../store/index.ts";

/** How often a shared log is read for other nodes' updates that Redis did not bring. */
const FOREIGN_POLL_MS = 2_000;
/** The origin of updates read back from a shared log: already logged, by another node. */
export const STORE_ORIGIN = { source: "store" } as const;

/**
 * Applies what other nodes logged for this document and this node has not seen (Redis down, or
 * a node that died before relaying an update it had acknowledged): every few seconds, and before
 * answering anyone's sync step 1, so a joiner gets everything stored. Known updates change nothing.
 */
export class OtherNodesReader {
  private running: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly doc: Y.Doc,
    private readonly name: string,
    private readonly readForeignUpdates: () => Promise<Uint8Array[]>,
  ) {
    this.timer = setInterval(() => void this.catchUp(), FOREIGN_POLL_MS);
    this.timer.unref();
  }

  /** Reads and applies now (one read at a time: a caller arriving meanwhile waits for the next). */
  async catchUp(): Promise<void> {
    while (this.running) await this.running;
    this.running = this.readAndApply().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async readAndApply(): Promise<void> {
    const { doc, name } = this;
    try {
      const updates = await this.readForeignUpdates();
      if (doc.isDestroyed) return;
      for (const update of updates) {
        try {
          Y.applyUpdate(doc, update, STORE_ORIGIN);
        } catch (error) {
          log.error("skipped another node's logged update that does not apply", { document: name, error: String(error) });
        }
        dropPendingStructs(doc);
      }
    } catch (error) {
      log.warn("reading other nodes' updates failed", { document: name, error: String(error) });
    }
  }
}
