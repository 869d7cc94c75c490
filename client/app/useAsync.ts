import { type DependencyList, useEffect, useState } from "react";

export type AsyncState<T> = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; value: T };

/** Runs a promise-returning function when deps change; ignores results of stale runs. */
export function useAsync<T>(run: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: "loading" });
  useEffect(() => {
    let current = true;
    setState({ status: "loading" });
    run().then(
      (value) => current && setState({ status: "ready", value }),
      (error: unknown) => current && setState({ status: "error", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `run` depends on.
  }, deps);
  return state;
}
