/** Polling for eventually-true conditions (sync over real sockets is asynchronous). */

/**
 * Polls `predicate` every 20 ms until it returns a truthy value, and returns that value.
 * A predicate that throws counts as "not yet"; its last error is quoted on timeout.
 */
export async function waitFor<T>(predicate: () => T | Promise<T>, timeoutMs = 5_000, description = "condition"): Promise<NonNullable<T>> {
  const started = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - started >= timeoutMs) {
      const cause = lastError ? ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})` : "";
      throw new Error(`waitFor timed out after ${timeoutMs} ms waiting for ${description}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves after `ms` milliseconds (only for "nothing must happen" checks). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
