/**
 * Seeded convergence fuzz through the real server (engine in test/fuzz/): for each seed, 5–30 real
 * clients edit one board at random with disconnects and delays, and every replica must end equal
 * to the server's document, to its update log on disk, to what a graceful stop stored, and to what
 * a restart serves. More seeds: `npm run fuzz -- --seeds N`; a failure names the command that
 * replays its seed. Seeds run a few at a time: each has its own server and mostly waits.
 */
import { describe, test } from "vitest";
import { runSeed } from "../fuzz/runSeed.ts";

/** Seeds 1..24 with the default script length (40 steps), as `npm run fuzz -- --seeds 24` runs them. */
const SEEDS = 24;

describe.concurrent("convergence fuzz", () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    test(`seed ${seed}: every replica, the stored board and the restarted server agree`, async () => {
      await runSeed(seed);
    }, 60_000);
  }
});
