/**
 * Yjs updates no honest client sends: hand-encoded (update format v1) with bogus counts, huge
 * lengths and dangling references, and seeded random mutations of real updates. For hostile-input
 * tests; the bytes are what matters, so each comes with a name for the report.
 *
 * Update v1 layout: varUint client count; per client: varUint struct count, varUint client id,
 * varUint first clock, then the structs (an info byte whose low 5 bits name the content, 0x80/0x40
 * origin and right origin follow, 0x20 a parent key follows; without origins the parent follows:
 * varUint 1 + root name, or 0 + parent id), then the delete set: varUint client count; per client:
 * varUint client id, varUint range count, ranges of varUint clock and length.
 */
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

const CONTENT = { gc: 0, deleted: 1, string: 4, type: 7, any: 8, skip: 10 } as const;
const HUGE = 2 ** 31 - 1;

interface StructHeader {
  client: number;
  clock: number;
  /** Struct count written before the structs (the lie is the point). */
  count?: number;
}

function update(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** One client's struct header with `count` structs announced, then whatever `body` writes; empty delete set. */
function oneClient({ client, clock, count = 1 }: StructHeader, body: (encoder: encoding.Encoder) => void, deleteSet = true): Uint8Array {
  return update((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, count);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    body(e);
    if (deleteSet) encoding.writeVarUint(e, 0);
  });
}

/** An item without origins whose parent is the root type `root`. */
function rootItem(e: encoding.Encoder, content: number, root: string): void {
  encoding.writeUint8(e, content);
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, root);
}

/**
 * Named crafted updates. Each uses its own client id from `firstClient` on (ids no real replica
 * uses), so one that applies (a clock jump) cannot make a later one look already known.
 */
export function craftedUpdates(firstClient: number, victim: { client: number; clock: number }): { name: string; update: Uint8Array }[] {
  const makers: { name: string; make: (client: number) => Uint8Array }[] = [
    { name: "zero-length update (yjs issue 498)", make: () => new Uint8Array() },
    { name: "a single zero byte (no delete set)", make: () => Uint8Array.of(0) },
    { name: "client count 2^32-1 and nothing after it", make: () => update((e) => encoding.writeVarUint(e, 0xffffffff)) },
    { name: "2^31 structs announced, none sent", make: (client) => oneClient({ client, clock: 0, count: HUGE }, () => {}) },
    {
      name: "string content declaring 2^28 bytes",
      make: (client) =>
        oneClient({ client, clock: 0 }, (e) => {
          rootItem(e, CONTENT.string, "cases");
          encoding.writeVarUint(e, 2 ** 28);
          encoding.writeUint8Array(e, new TextEncoder().encode("short"));
        }),
    },
    {
      name: "deleted content of length 2^31-1 (a clock jump)",
      make: (client) =>
        oneClient({ client, clock: 0 }, (e) => {
          rootItem(e, CONTENT.deleted, "board");
          encoding.writeVarUint(e, HUGE);
        }),
    },
    {
      name: "GC struct of length 2^31-1",
      make: (client) =>
        oneClient({ client, clock: 0 }, (e) => {
          encoding.writeUint8(e, CONTENT.gc);
          encoding.writeVarUint(e, HUGE);
        }),
    },
    {
      name: "skip struct of length 2^31-1",
      make: (client) =>
        oneClient({ client, clock: 0 }, (e) => {
          encoding.writeUint8(e, CONTENT.skip);
          encoding.writeVarUint(e, HUGE);
        }),
    },
    {
      name: "any content announcing 2^28 values",
      make: (client) =>
        oneClient({ client, clock: 0 }, (e) => {
          rootItem(e, CONTENT.any, "cases");
          encoding.writeVarUint(e, 2 ** 28);
          encoding.writeAny(e, "one");
        }),
    },
    {
      name: "nested type with unknown type ref 99",
      make: (client) =>
        oneClient({ client, clock: 0 }, (e) => {
          encoding.writeUint8(e, CONTENT.type | 0x20);
          encoding.writeVarUint(e, 1);
          encoding.writeVarString(e, "cards");
          encoding.writeVarString(e, "card-of-unknown-type");
          encoding.writeVarUint(e, 99);
        }),
    },
    {
      name: "item whose parent item does not exist",
      make: (client) =>
        oneClient({ client, clock: 0 }, (e) => {
          encoding.writeUint8(e, CONTENT.string);
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, client + 1);
          encoding.writeVarUint(e, 5);
          encoding.writeVarString(e, "orphan");
        }),
    },
    {
      // Yjs decodes this, then throws half-way through applying it (getItemCleanEnd finds nothing).
      name: "item whose origin is itself (its own client and clock)",
      make: (client) =>
        oneClient({ client, clock: 0 }, (e) => {
          encoding.writeUint8(e, CONTENT.string | 0x80);
          encoding.writeVarUint(e, client);
          encoding.writeVarUint(e, 0);
          encoding.writeVarString(e, "myself");
        }),
    },
    {
      name: "second item whose parent is a later item of its own client",
      make: (client) =>
        oneClient({ client, clock: 0, count: 2 }, (e) => {
          rootItem(e, CONTENT.string, "cases");
          encoding.writeVarString(e, "first");
          encoding.writeUint8(e, CONTENT.string);
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, client);
          encoding.writeVarUint(e, 40);
          encoding.writeVarString(e, "second");
        }),
    },
    {
      name: "item whose origin is far in a real writer's future",
      make: (client) =>
        oneClient({ client, clock: 0 }, (e) => {
          encoding.writeUint8(e, CONTENT.string | 0x80);
          encoding.writeVarUint(e, victim.client);
          encoding.writeVarUint(e, victim.clock + 1_000_000);
          encoding.writeVarString(e, "from the future");
        }),
    },
    {
      name: "delete set announcing 2^31 ranges",
      make: (client) =>
        update((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, client);
          encoding.writeVarUint(e, HUGE);
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 1);
        }),
    },
    {
      name: "delete set announcing 2^32-1 clients",
      make: () =>
        update((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 0xffffffff);
        }),
    },
    {
      name: "struct clock 2^53 (past the safe integer range)",
      make: (client) =>
        oneClient({ client, clock: 2 ** 53 }, (e) => {
          rootItem(e, CONTENT.string, "cases");
          encoding.writeVarString(e, "late");
        }),
    },
    { name: "an update in format v2 sent as v1", make: () => Y.encodeStateAsUpdateV2(docWithText("v2 bytes")) },
  ];
  return makers.map(({ name, make }, i) => ({ name, update: make(firstClient + 2 * i) }));
}

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText("scratch").insert(0, text);
  return doc;
}

/** A state vector (sync step 1 payload) announcing `count` entries. */
export function hugeStateVector(count: number): Uint8Array {
  return update((e) => {
    encoding.writeVarUint(e, count);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
  });
}

/**
 * 1–3 random edits of `bytes`: flip a bit, overwrite a byte (random or a boundary value), insert
 * or delete a byte, or copy a slice elsewhere.
 */
export function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  const out = [...bytes];
  const at = (extra = 0) => Math.floor(random() * (out.length + extra));
  const edits = 1 + Math.floor(random() * 3);
  for (let i = 0; i < edits; i += 1) {
    const kind = Math.floor(random() * 6);
    if (out.length === 0) {
      out.push(Math.floor(random() * 256));
      continue;
    }
    if (kind === 0) out[at()] ^= 1 << Math.floor(random() * 8);
    else if (kind === 1) out[at()] = Math.floor(random() * 256);
    else if (kind === 2) out[at()] = [0x00, 0x7f, 0x80, 0xff][Math.floor(random() * 4)];
    else if (kind === 3) out.splice(at(1), 0, Math.floor(random() * 256));
    else if (kind === 4) out.splice(at(), 1);
    else {
      const from = at();
      const slice = out.slice(from, from + 1 + Math.floor(random() * 8));
      out.splice(at(1), 0, ...slice);
    }
  }
  return Uint8Array.from(out);
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}
