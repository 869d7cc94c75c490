/**
 * An edit goes to the other people on the board and not back to the socket it came from
 * (server/collab/skipEchoes.ts). What the server adds to an edit, such as the author's stamp on
 * a new card, still reaches its writer: spoofing.test.ts checks that.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import * as Y from "yjs";
import { addCaseOk, api, createAuditOk } from "../helpers/api.ts";
import { addPerson } from "../helpers/people.ts";
import { frames, MESSAGE, RawCollabSocket, type Received, SYNC_STEP } from "../helpers/rawCollab.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.cleanup();
});

const isUpdate = (m: Received) => m.type === MESSAGE.sync && m.step === SYNC_STEP.update;
const isAck = (m: Received) => m.type === MESSAGE.syncStatus && m.applied === true;

test("an edit reaches the others on the board but is not sent back to its writer", async () => {
  const http = api(server.url, server.admin);
  const audit = await createAuditOk(http, { agencies: ["police", "education"] });
  await addCaseOk(http, audit.id, { label: "Case 1" });
  const writerPerson = await addPerson(server.url, server.admin, { name: "Writer", agency: "police", auditId: audit.id });
  const readerPerson = await addPerson(server.url, server.admin, { name: "Reader", agency: "education", auditId: audit.id });
  const writer = await RawCollabSocket.open(server.wsUrl, audit.id, writerPerson.credentials.token as string);
  const reader = await RawCollabSocket.open(server.wsUrl, audit.id, readerPerson.credentials.token as string);
  try {
    const doc = new Y.Doc();
    for (let edit = 1; edit <= 3; edit++) {
      const writerFrom = writer.received.length;
      const readerGets = reader.until(isUpdate, 5_000);
      const acknowledged = writer.until(isAck, 5_000);
      const before = Y.encodeStateVector(doc);
      doc.getMap("echo-test").set("edit", edit);
      writer.send(frames.update(audit.id, Y.encodeStateAsUpdate(doc, before)));
      expect(await readerGets).toBe("answered");
      expect(await acknowledged).toBe("answered");
      // A sync step 1 is answered after everything sent before it on this socket: an echo would be here by then.
      expect(await writer.probe()).toBe("answered");
      expect(writer.received.slice(writerFrom).filter(isUpdate)).toEqual([]);
    }
  } finally {
    writer.terminate();
    reader.terminate();
  }
});
