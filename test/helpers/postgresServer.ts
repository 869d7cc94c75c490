/**
 * The real server in-process on PostgreSQL (STORE=postgres) instead of a data folder, on a free
 * port, with the same test admin as startTestServer. Several may share one database (nodes).
 * Its data folder is unused (and removed by cleanup()).
 */
import { startTestServer, type TestServer } from "./server.ts";

export interface PostgresServerOptions {
  databaseUrl: string;
  /** Seed the demo audit into an empty database (MACA_DEMO); off by default. */
  demo?: boolean;
}

export type PostgresTestServer = TestServer;

export function startPostgresTestServer(options: PostgresServerOptions): Promise<PostgresTestServer> {
  return startTestServer({
    demo: options.demo,
    env: { STORE: "postgres", DATABASE_URL: options.databaseUrl, DATABASE_POOL_MAX: "4" },
  });
}
