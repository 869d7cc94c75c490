/**
 * The edit that carries its own send time. A writer replaces its card's text with its latest
 * stamps ("w<writer> s<seq> t<ms>", newest first; the previous one too, so a receiver that gets
 * two edits of one writer merged into one update still sees both). The text is plain ASCII, so
 * a stamp is also found verbatim in the bytes of any Yjs update that carries it: receivers read
 * stamps from the update itself, whether or not they apply it. Kept short, so that an edit is
 * about the size of a few keystrokes (~100 bytes), not of a paragraph.
 */
import { performance } from "node:perf_hooks";

export interface Stamp {
  /** Writer number, unique per board. */
  writer: number;
  seq: number;
  /** Epoch ms (nowMs()). */
  sentAt: number;
}

/** How many recent stamps a card keeps. */
const KEPT = 2;
const STAMP = /w(\d+) s(\d+) t(\d+\.\d{2})/g;
/** Send times are written relative to this (every thread shares it), to keep them short. */
const EPOCH = Math.floor(performance.timeOrigin / 3_600_000) * 3_600_000;

export function stampText(recent: readonly Stamp[]): string {
  return recent
    .slice(0, KEPT)
    .map((stamp) => `w${stamp.writer} s${stamp.seq} t${(stamp.sentAt - EPOCH).toFixed(2)}`)
    .join("\n");
}

/** Newest first, as written; a new stamp goes in front and the oldest drops off. */
export function withStamp(recent: readonly Stamp[], stamp: Stamp): Stamp[] {
  return [stamp, ...recent].slice(0, KEPT);
}

/** Every stamp in a Yjs update (or any bytes), in the order they appear. */
export function stampsIn(bytes: Uint8Array): Stamp[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const stamps: Stamp[] = [];
  for (const match of text.matchAll(STAMP))
    stamps.push({ writer: Number(match[1]), seq: Number(match[2]), sentAt: EPOCH + Number(match[3]) });
  return stamps;
}

/** Reports each stamp once: the first time its card shows a seq higher than any seen before. */
export class StampReader {
  private readonly lastSeq = new Map<number, number>();

  constructor(private readonly ignoreWriter?: number) {}

  read(bytes: Uint8Array, receivedAt: number, onStamp: (stamp: Stamp, receivedAt: number) => void): void {
    // Oldest first, so that a merged update reports its edits in order.
    for (const stamp of stampsIn(bytes).sort((a, b) => a.seq - b.seq)) {
      if (stamp.writer === this.ignoreWriter) continue;
      if (stamp.seq <= (this.lastSeq.get(stamp.writer) ?? -1)) continue;
      this.lastSeq.set(stamp.writer, stamp.seq);
      onStamp(stamp, receivedAt);
    }
  }
}
