/**
 * Board edits reach the audit trail as one entry per person per document per window, and the
 * entries of people whose windows end together are written a few per tick, not all at once.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { TrailEntry } from "../../server/trail/auditTrail.ts";
import { DocumentChangeLog } from "../../server/trail/documentChanges.ts";

const WINDOW_MS = 5_000;
const agency = { id: "health-visiting", name: "Health Visiting" };
const person = (n: number) => ({ userId: `user-${n}`, name: `Attendee ${n}`, email: `attendee${n}@example.test`, agency });

function recorder() {
  const entries: TrailEntry[] = [];
  return { entries, trail: { record: async (entry: TrailEntry) => void entries.push(entry) } };
}

describe("board-edit batches in the audit trail", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "performance"] }));
  afterEach(() => vi.useRealTimers());

  test("sixty people whose windows end together are written 25 a tick, each once, with every edit counted", () => {
    const { entries, trail } = recorder();
    const changes = new DocumentChangeLog(trail, WINDOW_MS);
    for (let n = 0; n < 60; n++) {
      changes.add(n < 30 ? "audit-a" : "audit-b", person(n), 100);
      changes.add(n < 30 ? "audit-a" : "audit-b", person(n), 50);
    }

    vi.advanceTimersByTime(WINDOW_MS - 100);
    expect(entries).toHaveLength(0);
    // The tick at which every window has passed writes only the first 25.
    vi.advanceTimersByTime(100);
    expect(entries).toHaveLength(25);
    // Still open batches keep counting until they are written.
    changes.add("audit-b", person(59), 10);
    vi.advanceTimersByTime(100);
    expect(entries).toHaveLength(50);
    vi.advanceTimersByTime(100);
    expect(entries).toHaveLength(60);

    expect(new Set(entries.map((e) => e.userId)).size).toBe(60);
    for (const entry of entries) {
      expect(entry.type).toBe("document-changed");
      expect(entry.agency).toBe("Health Visiting");
    }
    const last = entries.find((e) => e.userId === "user-59");
    expect(last?.detail).toMatchObject({ updates: 3, bytes: 160 });
    expect(entries.filter((e) => e.userId !== "user-59").every((e) => e.detail?.updates === 2 && e.detail?.bytes === 150)).toBe(true);
  });

  test("a person's next edits open a new batch, written a window later; flush writes what is open at once", () => {
    const { entries, trail } = recorder();
    const changes = new DocumentChangeLog(trail, WINDOW_MS);
    changes.add("audit-a", person(1), 10);
    vi.advanceTimersByTime(WINDOW_MS + 100);
    expect(entries).toHaveLength(1);
    changes.add("audit-a", person(1), 20);
    vi.advanceTimersByTime(WINDOW_MS - 200);
    expect(entries).toHaveLength(1);
    changes.flush("audit-a", "user-1");
    expect(entries).toHaveLength(2);
    expect(entries[1].detail).toMatchObject({ updates: 1, bytes: 20 });
  });
});
