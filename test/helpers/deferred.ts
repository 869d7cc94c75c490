/** A promise the test settles by hand (a write, a compaction), and a step to let callbacks run. */
export interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // The code under test handles a rejection on its side; the test's own copy must not be "unhandled".
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** Lets the `then` callbacks of settled promises run. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));
