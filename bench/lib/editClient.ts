/**
 * One attendee at a board as a browser is: a real HocuspocusProvider over `ws`
 * (test/helpers/board.ts) applying every update it receives. A writer edits its own card through
 * the shared board functions, the text carrying the send time; stamps of other writers are read
 * from each remote update once the provider has applied it.
 */
import * as Y from "yjs";
import { cardBody, setCardText } from "../../shared/board/index.ts";
import { connectDocument, type DocumentConnection } from "../../test/helpers/board.ts";
import type { BenchClient, OnStamp, SeatPlan } from "./benchClient.ts";
import { nowMs } from "./clock.ts";
import { type Stamp, StampReader, stampText, withStamp } from "./stamps.ts";

export class EditClient implements BenchClient {
  private recent: Stamp[] = [];
  private seq = 0;
  private stopWatching?: () => void;

  private constructor(
    readonly plan: SeatPlan,
    private readonly connection: DocumentConnection,
  ) {}

  static async connect(wsUrl: string, plan: SeatPlan, timeoutMs = 30_000): Promise<EditClient> {
    const connection = await connectDocument(wsUrl, plan.docName, plan.token ? { token: plan.token } : {}, { timeoutMs });
    return new EditClient(plan, connection);
  }

  get isWriter(): boolean {
    return this.plan.ownCard !== undefined;
  }

  watch(onStamp: OnStamp): void {
    const reader = new StampReader(this.plan.writer);
    const { doc, provider } = this.connection;
    // The doc's update event fires once the provider has applied a received update.
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === provider) reader.read(update, nowMs(), onStamp);
    };
    doc.on("update", onUpdate);
    this.stopWatching = () => doc.off("update", onUpdate);
  }

  edit(presence: boolean): Stamp {
    const { ownCard: card, writer } = this.plan;
    if (!card || writer === undefined) throw new Error("a listener does not edit");
    const stamp = { writer, seq: this.seq++, sentAt: nowMs() };
    this.recent = withStamp(this.recent, stamp);
    const { doc, provider } = this.connection;
    if (!setCardText(doc, card, stampText(this.recent))) throw new Error(`card ${card} is missing`);
    if (presence) {
      // What the editor's caret extension publishes: anchor and head as relative positions.
      const body = cardBody(doc, card);
      const at = body ? Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(body, body.length)) : null;
      provider.setAwarenessField("cursor", { anchor: at, head: at });
    }
    return stamp;
  }

  destroy(): void {
    this.stopWatching?.();
    this.connection.destroy();
  }
}
