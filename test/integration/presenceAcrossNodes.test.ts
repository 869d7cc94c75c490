/**
 * Presence leaves every node's pages when a client leaves: a page on the leaver's own node stops
 * showing it at once; a page on the other node must too, not only when the 30 s awareness
 * timeout drops it (a ghost caret and name on the other node's board).
 */
import { afterAll, expect, test } from "vitest";
import { addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { type ClusterNodes, startClusterNodes } from "../helpers/clusterNodes.ts";
import { LiveWriter } from "../helpers/liveWriter.ts";
import { addPerson } from "../helpers/people.ts";
import { waitFor } from "../helpers/wait.ts";

let cluster: ClusterNodes | undefined;
const writers: LiveWriter[] = [];

afterAll(async () => {
  for (const writer of writers) writer.destroy();
  await cluster?.cleanup();
});

test("a client leaving node A disappears from the presence of pages on A and on B within 3 s", async () => {
  cluster = await startClusterNodes();
  const [a, b] = cluster.nodes;
  const http = api(a.url, a.admin);
  const audit = await createAuditOk(http, { title: "Presence audit" });
  await addCaseOk(http, audit.id, { label: "Case 1" });
  const people = await Promise.all([0, 1, 2].map((i) => addPerson(a.url, a.admin, { name: `Attendee ${"ABC"[i]}`, auditId: audit.id })));
  const leaver = await LiveWriter.connect("Leaver on A", a.wsUrl, audit.id, people[0].credentials);
  const sameNode = await LiveWriter.connect("Stays on A", a.wsUrl, audit.id, people[1].credentials);
  const otherNode = await LiveWriter.connect("Stays on B", b.wsUrl, audit.id, people[2].credentials);
  writers.push(sameNode, otherNode);
  const id = leaver.doc.clientID;
  const shows = (w: LiveWriter) => w.connection.provider.awareness?.getStates().has(id) ?? false;
  await waitFor(() => shows(sameNode) && shows(otherNode), 5_000, "both pages to show the leaver");

  const left = Date.now();
  leaver.destroy();
  const goneAfter = (w: LiveWriter) =>
    waitFor(() => !shows(w), 35_000).then(
      () => Date.now() - left,
      () => Number.POSITIVE_INFINITY,
    );
  const [onA, onB] = await Promise.all([goneAfter(sameNode), goneAfter(otherNode)]);
  console.log(`presence of a client that left A gone on A after ${onA} ms, on B after ${onB} ms`);
  expect(onA).toBeLessThan(3_000);
  expect(onB).toBeLessThan(3_000);
}, 90_000);
