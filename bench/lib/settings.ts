/** How long and how hard the benchmark runs (`--quick` for a smoke run), and how our server is set up. */
export interface Timing {
  /** Edits before measuring starts (JIT warm-up, first stores). */
  warmupMs: number;
  measureMs: number;
  /** After the last edit, how long deliveries may still arrive. */
  graceMs: number;
}

/** Where our server keeps its data: lowdb files in a fresh folder, or a fresh PostgreSQL database. */
export type StoreKind = "lowdb" | "postgres";

export interface Settings {
  timing: Timing;
  /** 2 edits/s per writer. */
  editIntervalMs: number;
  /** Worker threads hosting the clients. */
  clientThreads: number;
  /** Write a CPU profile of each server child into this folder. */
  cpuProfileDir?: string;
  /** Our server's store in every latency scenario (two-nodes always uses PostgreSQL). */
  store: StoreKind;
  /**
   * `--probe DIR`: each edit round's deliveries (send time, latency) and every server child's
   * event-loop stalls and GCs go into this folder; `npm run bench:probe -- DIR` lines them up.
   */
  probeDir?: string;
  /**
   * `--heap-sample DIR`: every server child samples what it allocates during each edit round's
   * measured window (bench/lib/heapSampler.ts); `npm run bench:heap -- DIR` compares the sides.
   */
  heapSampleDir?: string;
  /** Start both servers with `node --trace-gc` and report their collections (`--trace-gc`). */
  traceGc: boolean;
  /** Extra environment for our server only (`--server-env K=V`), e.g. UV_THREADPOOL_SIZE. */
  serverEnv: Record<string, string>;
}

export const FULL_TIMING: Timing = { warmupMs: 3_000, measureMs: 15_000, graceMs: 3_000 };
export const QUICK_TIMING: Timing = { warmupMs: 1_500, measureMs: 5_000, graceMs: 2_000 };
