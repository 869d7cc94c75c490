/**
 * Acknowledgements are told from every other outgoing message by their bytes alone
 * (durableAcks.ts reads them in place): a SyncStatus of any address length is one, an update,
 * a stateless message or a truncated SyncStatus is not.
 */
import { OutgoingMessage } from "@hocuspocus/server";
import { expect, test } from "vitest";
import { isSyncStatus } from "../../server/collab/extensions/durableAcks.ts";

const addresses = ["", "audit-1", "a".repeat(127), "a".repeat(128), "é".repeat(9000)];

test("a SyncStatus is recognised whatever its address length", () => {
  for (const address of addresses) {
    for (const saved of [true, false]) {
      expect(isSyncStatus(new OutgoingMessage(address).writeSyncStatus(saved).toUint8Array()), `${address.length} ${saved}`).toBe(true);
    }
  }
});

test("other messages, and SyncStatus bytes cut short or padded, are not", () => {
  for (const address of addresses) {
    const status = new OutgoingMessage(address).writeSyncStatus(true).toUint8Array();
    expect(isSyncStatus(status.subarray(1))).toBe(false);
    expect(isSyncStatus(Uint8Array.of(...status, 0))).toBe(false);
    expect(isSyncStatus(new OutgoingMessage(address).writeStateless("x").toUint8Array())).toBe(false);
    // An update whose last two bytes happen to read [8][1].
    expect(
      isSyncStatus(
        new OutgoingMessage(address)
          .createSyncMessage()
          .writeUpdate(Uint8Array.of(1, 2, 8, 1))
          .toUint8Array(),
      ),
    ).toBe(false);
  }
});
