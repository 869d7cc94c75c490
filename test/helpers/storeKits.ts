/**
 * The two Store implementations behind one harness, for the storage contract suite: a fresh
 * empty store, reopening the same storage, and (PostgreSQL only) a second store on the same
 * database at once — another server node.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Health } from "../../server/health.ts";
import { LowdbStore } from "../../server/store/lowdbStore.ts";
import { PostgresStore } from "../../server/store/postgres/postgresStore.ts";
import type { Store } from "../../server/store/Store.ts";
import { createTestDatabase } from "./postgres.ts";

export interface StoreHarness {
  store: Store;
  /** Closes `store` and opens the same storage again (the new one becomes `store`). */
  reopen(): Promise<Store>;
  /** Another store on the same storage at the same time, where the implementation allows it. */
  another?: () => Promise<Store>;
  /** The database's URL (PostgreSQL only). */
  url?: string;
  /** Closes every store and removes the storage. */
  cleanup(): Promise<void>;
}

export interface StoreKit {
  name: "lowdb" | "postgres";
  fresh(): Promise<StoreHarness>;
}

export const lowdbKit: StoreKit = {
  name: "lowdb",
  async fresh() {
    const dir = await mkdtemp(path.join(tmpdir(), "maca-store-"));
    const harness: StoreHarness = {
      store: await LowdbStore.open(dir, new Health()),
      async reopen() {
        await harness.store.close();
        harness.store = await LowdbStore.open(dir, new Health());
        return harness.store;
      },
      async cleanup() {
        await harness.store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
    return harness;
  },
};

export const postgresKit: StoreKit = {
  name: "postgres",
  async fresh() {
    const database = await createTestDatabase();
    const open = () => PostgresStore.open({ url: database.url, poolMax: 4 }, new Health());
    const others: Store[] = [];
    const harness: StoreHarness = {
      url: database.url,
      store: await open(),
      async reopen() {
        await harness.store.close();
        harness.store = await open();
        return harness.store;
      },
      async another() {
        const store = await open();
        others.push(store);
        return store;
      },
      async cleanup() {
        await Promise.all([harness.store, ...others].map((s) => s.close().catch(() => {})));
        await database.drop();
      },
    };
    return harness;
  },
};
