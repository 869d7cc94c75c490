/**
 * The allocation-free update check against Yjs itself: every update Yjs makes passes, and of
 * thousands of mutated ones (truncated, bytes changed, inserted, removed) it accepts none that
 * Yjs's own decoder refuses or that holds an impossible clock.
 */
import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { checkUpdate } from "../../server/collab/updateCheck.ts";

/** The check this one replaced, kept as the reference: Yjs decodes the whole update, and its numbers are countable. */
function yjsAccepts(update: Uint8Array): boolean {
  const countable = (n: number, min: number) => Number.isSafeInteger(n) && n >= min && n < 2 ** 40;
  try {
    if (update.length < 2) return false;
    const { structs, ds } = Y.decodeUpdate(update);
    for (const struct of structs) {
      if (!countable(struct.id.clock, 0) || !countable(struct.length, 1) || !countable(struct.id.clock + struct.length, 1)) return false;
      if (struct instanceof Y.Item) {
        for (const origin of [struct.origin, struct.rightOrigin]) if (origin && !countable(origin.clock, 0)) return false;
      }
    }
    for (const ranges of ds.clients.values()) {
      for (const range of ranges) {
        if (!countable(range.clock, 0) || !countable(range.len, 1) || !countable(range.clock + range.len, 1)) return false;
      }
    }
    return true;
  } catch {
    return false;
  }
}

/** Why checkUpdate refuses `update`, or undefined when it accepts it. */
function refusal(update: Uint8Array): string | undefined {
  try {
    checkUpdate(update);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function throwsOnApply(update: Uint8Array): boolean {
  try {
    Y.applyUpdate(new Y.Doc(), update);
    return false;
  } catch {
    return true;
  }
}

/** Updates of every kind of content Yjs writes: text with marks and embeds, map and array values, XML, binary, deletions. */
function sampleUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = 4242; // the same bytes, so the same mutations, on every run
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const text = doc.getText("text");
  text.insert(0, "Child seen at school; 👩‍👧 ünïcödé");
  text.format(0, 5, { bold: true, link: { href: "https://example.invalid" } });
  text.insertEmbed(3, { image: "x.png" });
  text.delete(2, 4);
  const map = doc.getMap("card");
  map.set("title", "Missed health appointments");
  map.set("count", 42);
  map.set("negative", -7);
  map.set("ratio", 0.25);
  map.set("big", 2 ** 40);
  map.set("flags", { seen: true, closed: false, none: null, nested: [1, "two", { three: 3 }] });
  map.set("bytes", new Uint8Array([1, 2, 3]));
  map.set("bigint", 12345678901234567890n);
  map.delete("negative");
  const array = doc.getArray("cases");
  array.push(["a", 1, true, null]);
  array.push([new Uint8Array([9, 9])]);
  array.insert(1, [{ id: "case-1" }]);
  array.delete(0, 2);
  const nested = new Y.Map();
  array.push([nested]);
  nested.set("inner", new Y.Text("nested text"));
  const fragment = doc.getXmlFragment("prosemirror");
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.setAttribute("align", "left");
  paragraph.insert(0, [new Y.XmlText("What is working well")]);
  fragment.insert(0, [paragraph, new Y.XmlElement("heading")]);
  fragment.delete(1, 1);
  doc.getArray("hooks").push([new Y.XmlHook("hook")]);
  updates.push(Y.encodeStateAsUpdate(doc));
  // Skips appear when updates with gaps between them are merged.
  updates.push(Y.mergeUpdates([updates[0], updates[3], updates[9]]));
  const collected = new Y.Doc({ gc: true });
  Y.applyUpdate(collected, Y.encodeStateAsUpdate(doc));
  updates.push(Y.encodeStateAsUpdate(collected));
  return updates;
}

/** mulberry32: the same mutations on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(update: Uint8Array, next: () => number): Uint8Array {
  const at = Math.floor(next() * update.length);
  const byte = [0, 1, 0x7f, 0x80, 0xff, 9, 10, 119, 118][Math.floor(next() * 9)] ?? Math.floor(next() * 256);
  switch (Math.floor(next() * 4)) {
    case 0:
      return update.slice(0, at);
    case 1: {
      const copy = update.slice();
      copy[at] = next() < 0.5 ? byte : Math.floor(next() * 256);
      return copy;
    }
    case 2:
      return Uint8Array.from([...update.slice(0, at), byte, ...update.slice(at)]);
    default:
      return Uint8Array.from([...update.slice(0, at), ...update.slice(at + 1)]);
  }
}

describe("checkUpdate", () => {
  const samples = sampleUpdates();

  test("accepts every update Yjs makes", () => {
    expect(samples.length).toBeGreaterThan(20);
    for (const update of samples) {
      expect(yjsAccepts(update)).toBe(true);
      expect(() => checkUpdate(update)).not.toThrow();
    }
  });

  test("accepts no mutated update that Yjs refuses or cannot apply", () => {
    const next = random(687);
    let refusedByBoth = 0;
    let applyWouldThrow = 0;
    for (let round = 0; round < 20_000; round++) {
      const original = samples[Math.floor(next() * samples.length)];
      let mutated = mutate(original, next);
      if (next() < 0.3) mutated = mutate(mutated, next);
      const reason = refusal(mutated);
      const hex = Buffer.from(mutated).toString("hex");
      if (reason === undefined) {
        expect(yjsAccepts(mutated), `accepted what Yjs refuses: ${hex}`).toBe(true);
        expect(throwsOnApply(mutated), `accepted what Yjs cannot apply: ${hex}`).toBe(false);
      } else if (yjsAccepts(mutated)) {
        // The one rule beyond decoding: Yjs decodes such an item, then applying it may throw half-way.
        expect(reason, hex).toBe("an item that refers to itself or a later item");
        if (throwsOnApply(mutated)) applyWouldThrow += 1;
      } else refusedByBoth += 1;
    }
    expect(refusedByBoth).toBeGreaterThan(1_000);
    // Updates the check that decoded with Yjs let through, and that broke applyUpdate.
    expect(applyWouldThrow).toBeGreaterThan(0);
  });

  test.each([
    ["an empty update", new Uint8Array([0])],
    ["a clock near 2^53", Uint8Array.from([1, 1, 5, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 4, 1, 1, 0x61, 0, 0])],
    ["a zero-length deletion", Uint8Array.from([0, 1, 5, 1, 3, 0])],
    ["text that is not UTF-8", Uint8Array.from([1, 1, 5, 0, 4, 1, 4, 0x74, 0x65, 0x78, 0x74, 2, 0xc3, 0x28, 0])],
    ["a subdocument", Uint8Array.from([1, 1, 5, 0, 9, 1, 1, 0x64, 1, 0x67, 118, 0, 0])],
  ])("refuses %s", (_reason, update) => {
    expect(() => checkUpdate(update)).toThrow();
  });
});
