/**
 * One storage suite, two implementations: everything the server relies on from a Store (lowdb
 * in a folder, PostgreSQL in a fresh database) — records and their lookups, copies out, session
 * filters, snapshots and what sits beside them, the chained audit trail, and the DocumentLog
 * contract (append, abort, compact, reopen). PostgreSQL also runs as two nodes on one database.
 */
import pg from "pg";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import * as Y from "yjs";
import type { MemberRecord, SessionRecord, TokenRecord, UserRecord } from "../../server/store/records.ts";
import type { Store } from "../../server/store/Store.ts";
import { type UnchainedEvent, verifyChain } from "../../server/trail/chain.ts";
import type { AuditMeta } from "../../shared/domain/audit.ts";
import type { Acknowledgement, SnapshotJson } from "../../shared/domain/snapshot.ts";
import { lowdbKit, postgresKit, type StoreHarness } from "../helpers/storeKits.ts";

const police = { id: "police", name: "Police" };
const csc = { id: "childrens-social-care", name: "Children's Social Care" };

const audit = (id: string, title = "Neglect audit"): AuditMeta => ({
  id,
  title,
  theme: "Neglect",
  agencies: [police, csc],
  createdAt: "2025-03-01T10:00:00.000Z",
});
const user = (id: string, email: string): UserRecord => ({
  id,
  email,
  name: `Person ${id}`,
  agency: police,
  admin: false,
  disabled: false,
  createdAt: "2025-03-01T10:00:00.000Z",
  passwordHash: "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
});
const member = (auditId: string, userId: string, role: MemberRecord["role"] = "attendee"): MemberRecord => ({
  auditId,
  userId,
  role,
  agency: police,
  addedAt: "2025-03-01T10:00:00.000Z",
});
const session = (idHash: string, userId: string, createdAt: string, lastSeenAt = createdAt): SessionRecord => ({
  idHash,
  userId,
  csrfToken: `csrf-${idHash}`,
  createdAt,
  lastSeenAt,
});

/** A Yjs update from a fresh client that sets `key` in map "m". */
function edit(key: string, value: string, doc = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getMap("m").set(key, value);
  return Y.encodeStateAsUpdate(doc, before);
}

function contentOf(...updates: (Uint8Array | undefined)[]): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const update of updates) if (update) Y.applyUpdate(doc, update);
  return doc.getMap("m").toJSON();
}

describe.each([lowdbKit, postgresKit])("Store contract: $name", (kit) => {
  let h: StoreHarness;
  let store: Store;
  beforeEach(async () => {
    h = await kit.fresh();
    store = h.store;
  });
  afterEach(() => h.cleanup());

  test("audits: created with their board and members, listed in order, returned as copies", async () => {
    await store.createAudit(audit("a1"), edit("title", "board one"), [member("a1", "u1", "chair")]);
    await store.createAudit(audit("a2", "Second"), edit("title", "board two"), []);
    expect((await store.listAudits()).map((a) => a.id)).toEqual(["a1", "a2"]);
    const got = await store.getAudit("a1");
    expect(got).toEqual(audit("a1"));
    if (got) got.title = "changed outside";
    expect((await store.getAudit("a1"))?.title).toBe("Neglect audit");
    expect(await store.getAudit("nope")).toBeUndefined();
    expect(contentOf(await store.loadDocument("a1"))).toEqual({ title: "board one" });
    expect(await store.loadDocument("a3")).toBeUndefined();
    expect(await store.listMembers("a1")).toEqual([member("a1", "u1", "chair")]);
    await expect(store.openDocumentLog("../escape")).rejects.toThrow(/Not a document name/);

    store = await h.reopen();
    expect(await store.getAudit("a2")).toEqual(audit("a2", "Second"));
  });

  test("users: unique email, lookup by email, partial updates", async () => {
    await store.createUser(user("u1", "amber@test.invalid"));
    await store.createUser(user("u2", "basil@test.invalid"));
    await expect(store.createUser(user("u3", "amber@test.invalid"))).rejects.toThrow(/exists/);
    expect((await store.getUserByEmail("basil@test.invalid"))?.id).toBe("u2");
    expect(await store.getUserByEmail("nobody@test.invalid")).toBeUndefined();

    const updated = await store.updateUser("u1", { name: "Amber Q", email: "amber.q@test.invalid", disabled: true, agency: undefined });
    expect(updated).toEqual({ ...user("u1", "amber.q@test.invalid"), name: "Amber Q", disabled: true });
    expect((await store.getUserByEmail("amber.q@test.invalid"))?.id).toBe("u1");
    expect(await store.getUserByEmail("amber@test.invalid")).toBeUndefined();
    expect(await store.updateUser("u9", { name: "x" })).toBeUndefined();

    store = await h.reopen();
    expect((await store.listUsers()).map((u) => [u.id, u.name])).toEqual([
      ["u1", "Amber Q"],
      ["u2", "Person u2"],
    ]);
    expect(await store.getUser("u2")).toEqual(user("u2", "basil@test.invalid"));
  });

  test("members: added, replaced, looked up by audit and by person, removed", async () => {
    await store.putMember(member("a1", "u1", "chair"));
    await store.putMember(member("a1", "u2"));
    await store.putMember(member("a2", "u1", "observer"));
    await store.putMember({ ...member("a1", "u1", "attendee"), agency: csc });
    expect(await store.getMember("a1", "u1")).toEqual({ ...member("a1", "u1", "attendee"), agency: csc });
    // A replaced member moves to the end of the audit's list.
    expect((await store.listMembers("a1")).map((m) => m.userId)).toEqual(["u2", "u1"]);
    expect((await store.listMembershipsOf("u1")).map((m) => [m.auditId, m.role])).toEqual([
      ["a2", "observer"],
      ["a1", "attendee"],
    ]);
    expect(await store.removeMember("a1", "u2")).toBe(true);
    expect(await store.removeMember("a1", "u2")).toBe(false);
    expect(await store.getMember("a1", "u2")).toBeUndefined();
  });

  test("sessions: every filter of deleteSessions, touch, and the exception", async () => {
    await store.createSession(session("s1", "u1", "2025-03-01T08:00:00.000Z"));
    await store.createSession(session("s2", "u1", "2025-03-01T09:00:00.000Z"));
    await store.createSession(session("s3", "u2", "2025-03-01T10:00:00.000Z"));
    await store.createSession(session("s4", "u2", "2025-03-01T11:00:00.000Z"));
    await store.createSession(session("s5", "u3", "2025-03-01T12:00:00.000Z"));
    expect(await store.getSession("s3")).toEqual(session("s3", "u2", "2025-03-01T10:00:00.000Z"));

    await store.touchSession("s1", "2025-03-01T12:30:00.000Z");
    expect((await store.getSession("s1"))?.lastSeenAt).toBe("2025-03-01T12:30:00.000Z");

    expect((await store.deleteSessions({ idHash: "s5" })).map((s) => s.idHash)).toEqual(["s5"]);
    // Idle: s1 was touched, so only s2 and s3 have been quiet since before 10:30.
    expect((await store.deleteSessions({ lastSeenBefore: "2025-03-01T10:30:00.000Z" })).map((s) => s.idHash)).toEqual(["s2", "s3"]);
    expect(await store.deleteSessions({ userId: "nobody" })).toEqual([]);
    await store.createSession(session("s6", "u2", "2025-03-01T13:00:00.000Z"));
    // All of u2's but the one that asked.
    expect((await store.deleteSessions({ userId: "u2", exceptIdHash: "s6" })).map((s) => s.idHash)).toEqual(["s4"]);
    // Alive too long (created before 09:00): s1, despite its recent touch.
    const old = await store.deleteSessions({ createdBefore: "2025-03-01T09:00:00.000Z" });
    expect(old).toEqual([session("s1", "u1", "2025-03-01T08:00:00.000Z", "2025-03-01T12:30:00.000Z")]);
    expect(await store.getSession("s1")).toBeUndefined();
    expect((await store.getSession("s6"))?.userId).toBe("u2");
  });

  test("tokens: by hash, by person, touched, deleted", async () => {
    const token = (id: string, userId: string): TokenRecord => ({
      id,
      userId,
      name: `script ${id}`,
      hash: `hash-${id}`,
      createdAt: "2025-03-01T10:00:00.000Z",
    });
    await store.createToken(token("t1", "u1"));
    await store.createToken(token("t2", "u1"));
    await store.createToken(token("t3", "u2"));
    expect(await store.getTokenByHash("hash-t2")).toEqual(token("t2", "u1"));
    expect(await store.getTokenByHash("hash-none")).toBeUndefined();
    await store.touchToken("t1", "2025-03-02T10:00:00.000Z");
    store = await h.reopen();
    expect(await store.listTokens("u1")).toEqual([{ ...token("t1", "u1"), lastUsedAt: "2025-03-02T10:00:00.000Z" }, token("t2", "u1")]);
    expect(await store.deleteToken("t3")).toEqual(token("t3", "u2"));
    expect(await store.deleteToken("t3")).toBeUndefined();
    expect(await store.listTokens("u2")).toEqual([]);
  });

  test("snapshots, freeze states, acknowledgements, addenda and action updates", async () => {
    const signer = { userId: "u1", name: "Person u1", agency: "Police" };
    const snapshot = (id: string, takenAt: string, kind: SnapshotJson["kind"] = "snapshot"): SnapshotJson => ({
      id,
      auditId: "a1",
      name: `Snapshot ${id}`,
      kind,
      takenAt,
      takenBy: signer,
      sha256: `sha-${id}`,
      content: { audit: audit("a1"), board: { cases: [] } as unknown as SnapshotJson["content"]["board"] },
    });
    await store.snapshots.create(snapshot("s1", "2025-03-01T10:00:00.000Z"), edit("k", "one"));
    await store.snapshots.create(snapshot("s3", "2025-03-01T11:00:00.000Z"), edit("k", "three"));
    await store.snapshots.create(snapshot("s2", "2025-03-01T11:00:00.000Z", "freeze"), edit("k", "two"));
    const { content: _, ...meta } = snapshot("s2", "2025-03-01T11:00:00.000Z", "freeze");
    expect((await store.snapshots.list("a1")).map((s) => s.id)).toEqual(["s3", "s2", "s1"]);
    expect((await store.snapshots.list("a1"))[1]).toEqual(meta);
    expect(await store.snapshots.list("a2")).toEqual([]);
    expect(await store.snapshots.get("a1", "s2")).toEqual(snapshot("s2", "2025-03-01T11:00:00.000Z", "freeze"));
    expect(await store.snapshots.get("a2", "s2")).toBeUndefined();
    expect(contentOf(await store.snapshots.loadState("a1", "s3"))).toEqual({ k: "three" });
    expect(await store.snapshots.loadState("a1", "zz")).toBeUndefined();

    expect(await store.snapshots.freezeState("a1")).toEqual({ frozen: false });
    const frozen = { frozen: true, snapshotId: "s2", frozenAt: "2025-03-01T11:00:00.000Z", frozenBy: signer };
    await store.snapshots.putFreezeState("a1", frozen);
    await store.snapshots.putFreezeState("a2", { frozen: false, reopenReason: "typo" });
    await store.snapshots.putFreezeState("a1", { ...frozen, frozen: false, reopenReason: "late evidence" });
    expect(await store.snapshots.freezeState("a1")).toEqual({ ...frozen, frozen: false, reopenReason: "late evidence" });
    expect([...(await store.snapshots.freezeStates()).keys()].sort()).toEqual(["a1", "a2"]);

    const ack = (agency: string, at: string): Acknowledgement => ({ snapshotId: "s2", agency, by: signer, at });
    expect(await store.snapshots.acknowledge("a1", ack("Police", "2025-03-02T10:00:00.000Z"))).toEqual({
      ack: ack("Police", "2025-03-02T10:00:00.000Z"),
      created: true,
    });
    // The same person for the same agency again: the first one is kept and returned.
    expect(await store.snapshots.acknowledge("a1", ack("Police", "2025-03-03T10:00:00.000Z"))).toEqual({
      ack: ack("Police", "2025-03-02T10:00:00.000Z"),
      created: false,
    });
    await store.snapshots.acknowledge("a1", ack("GP", "2025-03-04T10:00:00.000Z"));
    expect((await store.snapshots.acknowledgements("a1", "s2")).map((a) => a.agency)).toEqual(["Police", "GP"]);
    expect(await store.snapshots.acknowledgements("a2", "s2")).toEqual([]);

    const addendum = (id: string) => ({ id, snapshotId: "s2", by: signer, at: "2025-03-05T10:00:00.000Z", text: `Note ${id}` });
    await store.snapshots.addAddendum("a1", addendum("n2"));
    await store.snapshots.addAddendum("a1", addendum("n1"));
    const progress = (status: "open" | "done", note?: string) => ({
      actionId: "act1",
      status,
      note,
      userId: "u1",
      name: "Person u1",
      agency: "Police",
      at: "2025-03-06T10:00:00.000Z",
    });
    await store.snapshots.addActionUpdate("a1", "s2", progress("open", "started"));
    await store.snapshots.addActionUpdate("a1", "s2", progress("done"));

    store = await h.reopen();
    expect(await store.snapshots.addenda("a1", "s2")).toEqual([addendum("n2"), addendum("n1")]);
    expect(await store.snapshots.actionUpdates("a1", "s2")).toEqual([progress("open", "started"), progress("done")]);
    expect(await store.snapshots.actionUpdates("a1", "s1")).toEqual([]);
  });

  test("read-everything: all members, sessions, tokens and snapshot records, in the order written", async () => {
    await store.putMember(member("a2", "u1"));
    await store.putMember(member("a1", "u2", "chair"));
    await store.createSession(session("s2", "u2", "2025-03-01T09:00:00.000Z"));
    await store.createSession(session("s1", "u1", "2025-03-01T08:00:00.000Z"));
    const token: TokenRecord = { id: "t1", userId: "u1", name: "script", hash: "h1", createdAt: "2025-03-01T10:00:00.000Z" };
    await store.createToken(token);
    const signer = { userId: "u1", name: "Person u1", agency: "Police" };
    const meta = {
      id: "s1",
      auditId: "a1",
      name: "First",
      kind: "snapshot" as const,
      takenAt: "2025-03-01T10:00:00.000Z",
      takenBy: signer,
      sha256: "x",
    };
    await store.snapshots.create(
      { ...meta, content: { audit: audit("a1"), board: {} as SnapshotJson["content"]["board"] } },
      edit("k", "v"),
    );
    await store.snapshots.acknowledge("a1", { snapshotId: "s1", agency: "Police", by: signer, at: "2025-03-02T10:00:00.000Z" });
    await store.snapshots.addAddendum("a1", { id: "n1", snapshotId: "s1", by: signer, at: "2025-03-02T10:00:00.000Z", text: "Later" });
    const progress = {
      actionId: "act1",
      status: "open" as const,
      userId: "u1",
      name: "Person u1",
      agency: "Police",
      at: "2025-03-02T10:00:00.000Z",
    };
    await store.snapshots.addActionUpdate("a1", "s1", progress);

    store = await h.reopen();
    expect(await store.listAllMembers()).toEqual([member("a2", "u1"), member("a1", "u2", "chair")]);
    expect((await store.listAllSessions()).map((s) => s.idHash)).toEqual(["s2", "s1"]);
    expect(await store.listAllTokens()).toEqual([token]);
    expect(await store.snapshots.readAll()).toEqual({
      snapshots: [meta],
      acknowledgements: [{ auditId: "a1", snapshotId: "s1", agency: "Police", by: signer, at: "2025-03-02T10:00:00.000Z" }],
      addenda: [{ auditId: "a1", id: "n1", snapshotId: "s1", by: signer, at: "2025-03-02T10:00:00.000Z", text: "Later" }],
      actionUpdates: [{ ...progress, auditId: "a1", snapshotId: "s1" }],
    });
  });

  test("the trail: the store chains entries in order, keeps their time, and concurrent appends give one chain", async () => {
    const entry = (n: number, at = `2025-03-01T10:00:${String(n % 60).padStart(2, "0")}.000Z`): UnchainedEvent => ({
      at,
      type: "sign-in",
      userId: `u${n}`,
      detail: { n, text: "a \u0000 and \u{1F600}" },
    });
    const first = await store.appendTrail([entry(1), entry(2)]);
    expect(first.map((e) => [e.seq, e.at])).toEqual([
      [1, entry(1).at],
      [2, entry(2).at],
    ]);
    expect(first[1]?.prev).toBe(first[0]?.hash);
    expect(await store.appendTrail([])).toEqual([]);

    // Two nodes where the implementation allows it, else one store: 20 appends in flight at once.
    const second = h.another ? await h.another() : store;
    const writers = [store, second];
    await Promise.all(Array.from({ length: 20 }, (_, i) => writers[i % 2]?.appendTrail([entry(10 + i * 2), entry(11 + i * 2)])));
    store = await h.reopen();
    const events = await store.readTrail();
    expect(events).toHaveLength(42);
    expect(verifyChain(events)).toEqual({ intact: true, checked: 42 });
    expect(events[0]).toEqual(first[0]);
    // Each batch stays together, in its order.
    for (let i = 2; i < 42; i += 2) expect(events[i + 1]?.detail?.n).toBe(Number(events[i]?.detail?.n) + 1);
    expect(new Set(events.map((e) => e.userId)).size).toBe(42);
  });

  test("document log: an append is there after reopening; an aborted one is not", async () => {
    const name = "a1:meeting";
    const log = await store.openDocumentLog(name);
    expect(log.stored).toEqual({ state: undefined, updates: [] });
    const kept = log.append(edit("kept", "yes"));
    const dropped = log.append(edit("dropped", "yes"));
    const also = log.append(edit("also", "yes"));
    expect(dropped.seq).toBeGreaterThan(kept.seq);
    expect(also.seq).toBeGreaterThan(dropped.seq);
    await Promise.all([kept.durable, dropped.durable, also.durable]);
    await log.abort(dropped.seq);
    expect(log.logBytes).toBeGreaterThan(0);
    await log.close();

    store = await h.reopen();
    expect(contentOf(await store.loadDocument(name))).toEqual({ kept: "yes", also: "yes" });
    const again = await store.openDocumentLog(name);
    expect(again.stored.updates).toHaveLength(2);
    const doc = new Y.Doc();
    for (const { update } of again.stored.updates) Y.applyUpdate(doc, update);
    expect(doc.getMap("m").toJSON()).toEqual({ kept: "yes", also: "yes" });
    // A second open of the same document in the same store keeps appending after the first.
    const third = again.append(edit("third", "yes"));
    await third.durable;
    await again.settled();
    await again.close();
    expect(contentOf(await store.loadDocument(name))).toEqual({ kept: "yes", also: "yes", third: "yes" });
  });

  test("document log: compaction folds the log into the state; reopening gives the same document", async () => {
    const name = "a1";
    await store.storeDocument(name, edit("base", "0"));
    const log = await store.openDocumentLog(name);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, log.stored.state ?? new Uint8Array());
    let last = 0;
    for (let i = 0; i < 20; i++) {
      const { seq, durable } = log.append(edit(`k${i}`, `v${i}`, doc));
      last = seq;
      await durable;
    }
    const before = log.logBytes;
    await log.compact(Y.encodeStateAsUpdate(doc), last);
    expect(log.logBytes).toBeLessThan(before);
    const after = log.append(edit("after", "compaction", doc));
    await after.durable;
    await log.close();

    store = await h.reopen();
    const reopened = await store.openDocumentLog(name);
    expect(reopened.stored.updates).toHaveLength(1);
    expect(contentOf(reopened.stored.state, ...reopened.stored.updates.map((u) => u.update))).toEqual(doc.getMap("m").toJSON());
    await reopened.close();
  });

  test("document log: storage never goes backwards (a state lacking stored content changes nothing stored)", async () => {
    const name = "a1";
    const full = new Y.Doc();
    await store.storeDocument(name, edit("base", "0", full));
    const log = await store.openDocumentLog(name);
    const { seq, durable } = log.append(edit("later", "1", full));
    await durable;
    await log.compact(Y.encodeStateAsUpdate(full), seq);
    // A state made without "base" and "later" (a fresh document): lowdb refuses it, PostgreSQL merges it in.
    const stranger = new Y.Doc();
    stranger.getMap("m").set("other", "2");
    await log.compact(Y.encodeStateAsUpdate(stranger), seq).catch((error: Error) => expect(error.message).toMatch(/lacks/));
    await log.close();
    const loaded = contentOf(await store.loadDocument(name));
    expect(loaded).toMatchObject({ base: "0", later: "1" });
  });
});

describe("PostgreSQL: two nodes on one database", () => {
  let h: StoreHarness;
  beforeEach(async () => {
    h = await postgresKit.fresh();
  });
  afterEach(() => h.cleanup());

  test("group commit spans documents: appends made while an insert runs share the next one", async () => {
    const documents = Array.from({ length: 10 }, (_, i) => `a${i}`);
    const logs = await Promise.all(documents.map((name) => h.store.openDocumentLog(name)));
    // 50 appends to 10 documents in one turn: one INSERT, one transaction.
    const first = logs.flatMap((log, i) => [1, 2, 3, 4, 5].map((n) => log.append(edit(`k${n}`, `doc ${i}`)).durable));
    // Made while that insert is in flight: they wait for it and go together in a second one.
    await Promise.resolve();
    const second = logs.map((log) => log.append(edit("late", "yes")).durable);
    await Promise.all([...first, ...second]);
    await Promise.all(logs.map((log) => log.close()));
    const database = new pg.Client({ connectionString: h.url });
    await database.connect();
    try {
      // Rows inserted by one transaction share its id (xmin).
      const { rows } = await database.query<{ rows: number; transactions: number }>(
        "SELECT count(*)::int AS rows, count(DISTINCT xmin::text)::int AS transactions FROM doc_updates",
      );
      expect(rows[0]).toEqual({ rows: 60, transactions: 2 });
    } finally {
      await database.end();
    }
    for (const [i, name] of documents.entries()) {
      expect(contentOf(await h.store.loadDocument(name))).toEqual({
        k1: `doc ${i}`,
        k2: `doc ${i}`,
        k3: `doc ${i}`,
        k4: `doc ${i}`,
        k5: `doc ${i}`,
        late: "yes",
      });
    }
  });

  test("appending to one document and compacting concurrently loses nothing", async () => {
    const another = h.another;
    if (!another) throw new Error("the PostgreSQL kit opens a second node");
    const nodes = [h.store, await another()];
    const name = "a1";
    await h.store.storeDocument(name, edit("base", "0"));
    const logs = await Promise.all(nodes.map((n) => n.openDocumentLog(name)));
    // Each node holds its own copy (no Redis here): node 0 writes even keys, node 1 odd ones.
    const docs = logs.map((log) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, log.stored.state ?? new Uint8Array());
      return doc;
    });
    const expected: Record<string, string> = { base: "0" };
    const lastSeq = [0, 0];
    const compactions: Promise<void>[] = [];
    for (let round = 0; round < 30; round++) {
      const durables = logs.map((log, i) => {
        const key = `k${round * 2 + i}`;
        expected[key] = `node ${i}`;
        const { seq, durable } = log.append(edit(key, `node ${i}`, docs[i]));
        lastSeq[i] = seq;
        return durable;
      });
      await Promise.all(durables);
      // Compactions on both nodes, every few rounds, overlapping with the next appends.
      if (round % 5 === 4) compactions.push(...logs.map((log, i) => log.compact(Y.encodeStateAsUpdate(docs[i] as Y.Doc), lastSeq[i] ?? 0)));
    }
    await Promise.all(compactions);
    await Promise.all(logs.map((log) => log.close()));
    expect(contentOf(await h.store.loadDocument(name))).toEqual(expected);

    // Node 0 writes three more it does not compact. Node 1 compacts its own copy, which lacks
    // them: they stay. Then node 1 learns them (as Redis would bring them) and compacts: they go.
    const [node0, node1] = nodes as [Store, Store];
    const log0 = await node0.openDocumentLog(name);
    // The last one overwrites a key node 0 wrote before: that row carries a deletion too.
    for (const key of ["x1", "x2", "k0"]) {
      expected[key] = "node 0, later";
      await log0.append(edit(key, "node 0, later", docs[0])).durable;
    }
    await log0.close();
    const log1 = await node1.openDocumentLog(name);
    await log1.compact(Y.encodeStateAsUpdate(docs[1] as Y.Doc), 0);
    expect((await node0.openDocumentLog(name)).stored.updates).toHaveLength(3);
    const full = new Y.Doc();
    Y.applyUpdate(full, (await h.store.loadDocument(name)) ?? new Uint8Array());
    await log1.compact(Y.encodeStateAsUpdate(full), 0);
    const after = await node0.openDocumentLog(name);
    expect(after.stored.updates).toEqual([]);
    expect(contentOf(after.stored.state)).toEqual(expected);
    await Promise.all([log1.close(), after.close()]);
  });

  test("a node reads back what other nodes logged for a document it has open, each update once", async () => {
    const another = h.another;
    if (!another) throw new Error("the PostgreSQL kit opens a second node");
    const other = await another();
    await h.store.storeDocument("a1", edit("base", "0"));
    const mine = await h.store.openDocumentLog("a1");
    const theirs = await other.openDocumentLog("a1");
    expect(await mine.readForeignUpdates?.()).toEqual([]);
    const doc = new Y.Doc();
    const updates = ["one", "two"].map((value) => edit(value, "from the other node", doc));
    for (const update of updates) await theirs.append(update).durable;
    // This node's own rows are never read back.
    await mine.append(edit("own", "row")).durable;
    expect(await mine.readForeignUpdates?.()).toEqual(updates);
    expect(await mine.readForeignUpdates?.()).toEqual([]);
    await Promise.all([mine.close(), theirs.close()]);
  });
});
