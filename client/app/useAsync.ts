import { type DependencyList, useCallback, useEffect, useRef, useState } from "react";

export type AsyncState<T> = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; value: T };

/** Runs a promise-returning function when deps change; ignores results of stale runs. */
export function useAsync<T>(run: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  return useReloadable(run, deps).state;
}

/**
 * Like useAsync, plus reload() to fetch again (after a change) without going back to "loading":
 * the old value stays on screen until the new one arrives, so focus and scroll are kept.
 */
export function useReloadable<T>(run: () => Promise<T>, deps: DependencyList): { state: AsyncState<T>; reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(run);
  latest.current = run;

  const start = useCallback(() => {
    let current = true;
    latest.current().then(
      (value) => current && setState({ status: "ready", value }),
      (error: unknown) => current && setState({ status: "error", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    setState({ status: "loading" });
    return start();
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `run` depends on.
  }, deps);

  useEffect(() => {
    if (generation > 0) return start();
  }, [generation, start]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { state, reload };
}
