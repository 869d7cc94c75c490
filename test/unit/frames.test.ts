/**
 * The frame check every client message passes before Hocuspocus sees it: well-formed messages
 * pass, and a frame whose document name, type, step or payload is cut short or unknown is refused.
 */
import * as encoding from "lib0/encoding";
import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { frameProblem } from "../../server/collab/frames.ts";

const SYNC = 0;
const AWARENESS = 1;
const UPDATE = 2;

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function anUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, "Child A's school");
  return Y.encodeStateAsUpdate(doc);
}

const syncUpdate = (name: string, update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarString(e, name);
    encoding.writeVarUint(e, SYNC);
    encoding.writeVarUint(e, UPDATE);
    encoding.writeVarUint8Array(e, update);
  });

describe("frameProblem", () => {
  test("a sync update and an awareness message for a named document pass", () => {
    expect(frameProblem(syncUpdate("audit-1", anUpdate()))).toBeUndefined();
    const awareness = frame((e) => {
      encoding.writeVarString(e, "audit-1:meeting");
      encoding.writeVarUint(e, AWARENESS);
      encoding.writeVarUint8Array(e, new Uint8Array([0]));
    });
    expect(frameProblem(awareness)).toBeUndefined();
  });

  test("a document name that runs past the end of the frame is refused", () => {
    const whole = syncUpdate("audit-1", anUpdate());
    // The name's length says 200 bytes; the frame is shorter.
    const lying = Uint8Array.from(whole);
    lying[0] = 200;
    expect(frameProblem(lying.subarray(0, 50))).toMatch(/name|end|bounds|length/i);
  });

  test("every truncation of a sync update is refused, never accepted", () => {
    const whole = syncUpdate("audit-1", anUpdate());
    for (let end = 0; end < whole.length; end++) expect(frameProblem(whole.subarray(0, end))).toBeDefined();
  });

  test("an unknown message type and an unknown sync step are refused", () => {
    const unknownType = frame((e) => {
      encoding.writeVarString(e, "audit-1");
      encoding.writeVarUint(e, 42);
    });
    expect(frameProblem(unknownType)).toMatch(/unknown message type 42/);
    const unknownStep = frame((e) => {
      encoding.writeVarString(e, "audit-1");
      encoding.writeVarUint(e, SYNC);
      encoding.writeVarUint(e, 7);
      encoding.writeVarUint8Array(e, anUpdate());
    });
    expect(frameProblem(unknownStep)).toMatch(/unknown sync step 7/);
  });
});
