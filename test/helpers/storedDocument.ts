/**
 * A document exactly as PostgreSQL stores it (the compacted state row plus every update row),
 * read straight from the database, for checks that must not go through a server.
 */
import pg from "pg";
import * as Y from "yjs";

export async function readStoredDocument(databaseUrl: string, document: string): Promise<Y.Doc> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const state = await client.query<{ state: Buffer }>("SELECT state FROM doc_states WHERE document = $1", [document]);
    const rows = await client.query<{ update: Buffer }>("SELECT update FROM doc_updates WHERE document = $1 ORDER BY id", [document]);
    await client.query("COMMIT");
    const doc = new Y.Doc();
    const stateRow = state.rows[0];
    if (stateRow) Y.applyUpdate(doc, new Uint8Array(stateRow.state));
    for (const row of rows.rows) Y.applyUpdate(doc, new Uint8Array(row.update));
    return doc;
  } finally {
    await client.end();
  }
}

export function stateVectorOf(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/** What `state` lacks of `wanted` (client: "has N of M"); empty when it holds all of it. */
export function lacking(state: Map<number, number>, wanted: Map<number, number>): string[] {
  const missing: string[] = [];
  for (const [client, clock] of wanted) {
    const held = state.get(client) ?? 0;
    if (held < clock) missing.push(`client ${client}: has ${held} of ${clock}`);
  }
  return missing;
}
