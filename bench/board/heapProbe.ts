/**
 * Heap a loaded board costs once loaded the way the server loads it (the stored state applied to
 * a Hocuspocus Document), for the current schema and the candidates. Runs in a child process
 * started with --expose-gc (see memory.ts), so collections are forced and nothing else in the
 * benchmark's heap blurs the figure; prints one JSON line on stdout.
 *
 *   node --expose-gc --import tsx bench/board/heapProbe.ts [copies]
 *   node --expose-gc --import tsx bench/board/heapProbe.ts 3 --census
 *       what the current schema's heap is made of, by V8 object kind (writes and reads a heap
 *       snapshot in the temp folder: slow, not part of `npm run bench`)
 */
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { gzipSync } from "node:zlib";
import { Document } from "@hocuspocus/server";
import * as Y from "yjs";
import { CANDIDATE_SCHEMAS } from "./candidates.ts";
import { planBoard } from "./plan.ts";
import { buildBoard } from "./write.ts";

export interface SchemaFootprint {
  schema: string;
  cards: number;
  updateBytes: number;
  gzipBytes: number;
  /** heapUsed after gc with `copies` boards loaded, minus before, per board. */
  heapMBPerBoard: number;
  /** Median time to apply the stored state to a fresh document. */
  loadMs: number;
  /** Shared types in the document per card (all types, whatever they belong to, / cards). */
  typesPerCard: number;
  /** Shared types by kind (YMap, YXmlText...). */
  types: Record<string, number>;
  /** Items in the document (every insertion, tombstones included). */
  items: number;
}

function collect(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("heapProbe needs node --expose-gc");
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function census(doc: Y.Doc): { types: Record<string, number>; items: number } {
  const types: Record<string, number> = {};
  let items = 0;
  for (const structs of doc.store.clients.values()) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      items += 1;
      if (struct.content instanceof Y.ContentType) {
        const kind = struct.content.type.constructor.name;
        types[kind] = (types[kind] ?? 0) + 1;
      }
    }
  }
  return { types, items };
}

/**
 * A Hocuspocus Document keeps each update it sees until the next event-loop turn (to batch its
 * broadcast): the loaded state's ~750 KB would otherwise be counted as the board's.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function measureSchemas(copies: number): Promise<SchemaFootprint[]> {
  const plan = planBoard();
  const results: SchemaFootprint[] = [];
  for (const schema of CANDIDATE_SCHEMAS) {
    const built = buildBoard(plan, schema);
    const update = Y.encodeStateAsUpdate(built.doc);
    built.doc.destroy();
    const before = collect();
    const loaded: Document[] = [];
    const times: number[] = [];
    for (let i = 0; i < copies; i++) {
      const started = performance.now();
      const document = new Document(`bench-${i}`);
      Y.applyUpdate(document, update);
      times.push(performance.now() - started);
      loaded.push(document);
    }
    await nextTurn();
    const after = collect();
    const { types, items } = census(loaded[0]);
    const typeCount = Object.values(types).reduce((a, b) => a + b, 0);
    results.push({
      schema: schema.name,
      cards: built.written.cards,
      updateBytes: update.byteLength,
      gzipBytes: gzipSync(update).byteLength,
      heapMBPerBoard: (after - before) / copies / 2 ** 20,
      loadMs: times.sort((a, b) => a - b)[Math.floor(times.length / 2)],
      typesPerCard: typeCount / built.written.cards,
      types,
      items,
    });
    for (const document of loaded) document.destroy();
    loaded.length = 0;
  }
  return results;
}

/** Self size and count of every V8 object kind on the heap (constructor name, or "(array)", "(string)"...). */
function heapKinds(): Map<string, { count: number; bytes: number }> {
  collect();
  const file = v8.writeHeapSnapshot(path.join(tmpdir(), `board-census-${process.pid}.heapsnapshot`));
  try {
    const snapshot = JSON.parse(readFileSync(file, "utf8")) as {
      snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
      nodes: number[];
      strings: string[];
    };
    const fields = snapshot.snapshot.meta.node_fields;
    const [type, name, size] = ["type", "name", "self_size"].map((f) => fields.indexOf(f));
    const kinds = new Map<string, { count: number; bytes: number }>();
    for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
      const nodeType = snapshot.snapshot.meta.node_types[0][snapshot.nodes[i + type]];
      const kind = nodeType === "object" ? snapshot.strings[snapshot.nodes[i + name]] : `(${nodeType})`;
      const entry = kinds.get(kind) ?? { count: 0, bytes: 0 };
      entry.count += 1;
      entry.bytes += snapshot.nodes[i + size];
      kinds.set(kind, entry);
    }
    return kinds;
  } finally {
    rmSync(file, { force: true });
  }
}

/** Per board: what `copies` loaded boards of the current schema add to the heap, by object kind, largest first. */
export async function censusCurrentSchema(copies: number): Promise<{ kind: string; count: number; kib: number }[]> {
  const built = buildBoard(planBoard());
  const update = Y.encodeStateAsUpdate(built.doc);
  built.doc.destroy();
  const before = heapKinds();
  const loaded = Array.from({ length: copies }, (_, i) => {
    const document = new Document(`census-${i}`);
    Y.applyUpdate(document, update);
    return document;
  });
  await nextTurn();
  const after = heapKinds();
  const rows = [...after].map(([kind, { count, bytes }]) => {
    const base = before.get(kind) ?? { count: 0, bytes: 0 };
    return { kind, count: Math.round((count - base.count) / copies), kib: Math.round((bytes - base.bytes) / copies / 1024) };
  });
  for (const document of loaded) document.destroy();
  return rows.filter((row) => row.kib >= 20).sort((a, b) => b.kib - a.kib);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) {
  const copies = Number(process.argv[2] ?? 4);
  const result = process.argv.includes("--census") ? await censusCurrentSchema(copies) : await measureSchemas(copies);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
