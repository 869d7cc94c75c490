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
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  clientDir: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Bad configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    demo: e.MACA_DEMO !== "0",
    clientDir: path.resolve(e.CLIENT_DIR),
  };
}
