/**
 * Order keys on a replica that is mid-way through a merge: a case whose key it only knows was
 * deleted (the newer key has not arrived) must not break adding or moving cases.
 */
import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { addCase, casesMap, moveCase, readBoard } from "../../shared/board/index.ts";
import { newReplica } from "../helpers/replicas.ts";

const replicaWithClientId = (id: number) => {
  const doc = new Y.Doc();
  doc.clientID = id;
  return doc;
};

describe("order keys", () => {
  test("a case whose key a replica has seen deleted but not replaced keeps the board usable", () => {
    const origin = newReplica();
    const caseId = addCase(origin, { label: "Case 1" });
    addCase(origin, { label: "Case 2" });
    const [r, x, y, z] = [10, 40, 20, 30].map(replicaWithClientId) as [Y.Doc, Y.Doc, Y.Doc, Y.Doc];
    for (const doc of [r, x, y, z]) Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin));
    // Two people move the same case at once; r sees only y's move, z sees both (x's wins)...
    moveCase(x, caseId, 1);
    moveCase(y, caseId, 1);
    Y.applyUpdate(r, Y.encodeStateAsUpdate(y));
    for (const doc of [x, y]) Y.applyUpdate(z, Y.encodeStateAsUpdate(doc));
    // ... and z sends r only its delete set: r now has no key for the case.
    Y.applyUpdate(r, Y.encodeStateAsUpdate(z, Y.encodeStateVector(z)));
    expect(casesMap(r).get(caseId)?.get("order")).toBeUndefined();

    const added = addCase(r, { label: "Case 3" });
    moveCase(r, added, 0);
    moveCase(r, caseId, 2);
    for (const doc of [x, y, z]) Y.applyUpdate(r, Y.encodeStateAsUpdate(doc));
    for (const doc of [x, y, z]) Y.applyUpdate(doc, Y.encodeStateAsUpdate(r));
    const labels = readBoard(r).cases.map((c) => c.label);
    expect(labels.sort()).toEqual(["Case 1", "Case 2", "Case 3"]);
    for (const doc of [x, y, z]) expect(readBoard(doc)).toEqual(readBoard(r));
  });
});
