/**
 * Unit, integration and end-to-end tests (test/unit, test/integration, test/e2e).
 * Everything runs in Node: integration and e2e tests start the real server in-process.
 * e2e tests need the built client in dist/client (`npm test` runs `vite build` first).
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files run in parallel child processes; two workers suit a 2-core machine.
    pool: "forks",
    maxWorkers: 2,
    // A failing test must fail the run; never let a stray .only silence the rest in CI.
    allowOnly: false,
  },
});
