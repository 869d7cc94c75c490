/** Environment parsing and defaults: the only place that reads process.env. */
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  /** "0" switches the demo audit off; anything else seeds it into an empty data folder. */
  MACA_DEMO: z.string().default("1"),
  /** Where the built client lives; tests and `npm start` use the default. */
  CLIENT_DIR: z.string().default("dist/client"),
  /** The first admin, created on start when no account has this email yet. */
  MACA_ADMIN_EMAIL: z.string().optional(),
  MACA_ADMIN_PASSWORD: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  /** Extra origins whose pages may open the board socket, comma-separated (the server's own always may). */
  ALLOWED_ORIGINS: z.string().default(""),
  /** Express "trust proxy": set it when TLS ends at a proxy, so cookies get Secure and rate limits see client IPs. */
  TRUST_PROXY: z.string().default(""),
  /** "lowdb" (embedded, in DATA_DIR) or "postgres" (DATABASE_URL). */
  STORE: z.enum(["lowdb", "postgres"]).default("lowdb"),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Set to run several nodes behind a load balancer: documents, presence and access changes go through Redis. */
  REDIS_URL: z.string().url().optional(),
  /** Keys and channels start with this, so several installations can share one Redis. */
  REDIS_PREFIX: z.string().min(1).default("maca"),
  /** On SIGTERM, answer /api/ready with 503 this long before closing connections (let the load balancer notice). */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(300).default(0),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  clientDir: string;
  admin?: { email: string; password: string };
  sessions: { idleMs: number; absoluteMs: number };
  /** How often open board connections are checked for expired sessions. */
  sessionSweepMs: number;
  /** Sockets that have not authenticated: at most `max` at once, each for at most `deadlineMs`. */
  pendingSockets: { max: number; deadlineMs: number };
  allowedOrigins: string[];
  trustProxy: string | false;
  store: { kind: "lowdb" } | { kind: "postgres"; url: string; poolMax: number };
  redis?: { url: string; prefix: string };
  shutdownDrainMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Bad configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  if (e.STORE === "postgres" && !e.DATABASE_URL) throw new Error("Bad configuration: STORE=postgres needs DATABASE_URL");
  // Nodes on their own data folders would each keep a different copy of every board.
  if (e.REDIS_URL && e.STORE !== "postgres") throw new Error("Bad configuration: REDIS_URL (several nodes) needs STORE=postgres");
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    demo: e.MACA_DEMO !== "0",
    clientDir: path.resolve(e.CLIENT_DIR),
    admin: e.MACA_ADMIN_EMAIL && e.MACA_ADMIN_PASSWORD ? { email: e.MACA_ADMIN_EMAIL, password: e.MACA_ADMIN_PASSWORD } : undefined,
    sessions: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.SESSION_MAX_HOURS * 3_600_000 },
    sessionSweepMs: 1_000,
    pendingSockets: { max: 200, deadlineMs: 10_000 },
    allowedOrigins: e.ALLOWED_ORIGINS.split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: e.TRUST_PROXY || false,
    store:
      e.STORE === "postgres" && e.DATABASE_URL
        ? { kind: "postgres", url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX }
        : { kind: "lowdb" },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : undefined,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_SECONDS * 1_000,
  };
}
