/**
 * Re-renders a component when a Y.Doc (or one shared type) changes, at most once per frame.
 * Components read the document through shared/board functions during render.
 *
 * The change counter is kept by a listener installed the first time a target is used, not by
 * the subscription: the provider may apply the initial sync before a component subscribes, and
 * a counter that only counted while subscribed would miss it and show an empty board.
 */
import { useSyncExternalStore } from "react";
import type * as Y from "yjs";

type Observable = Y.Doc | Y.XmlFragment | Y.Map<unknown>;

interface Tracker {
  version: number;
  listeners: Set<() => void>;
  frame: number;
}

const trackers = new WeakMap<Observable, Tracker>();

function track(target: Observable): Tracker {
  const existing = trackers.get(target);
  if (existing) return existing;
  const tracker: Tracker = { version: 0, listeners: new Set(), frame: 0 };
  const changed = () => {
    tracker.version++;
    if (tracker.frame) return;
    tracker.frame = requestAnimationFrame(() => {
      tracker.frame = 0;
      for (const listener of tracker.listeners) listener();
    });
  };
  if ("clientID" in target) target.on("update", changed);
  else target.observeDeep(changed);
  trackers.set(target, tracker);
  return tracker;
}

/** A number that changes whenever `target` changes; use it as a memo dependency. */
export function useDocVersion(target: Observable | undefined): number {
  return useSyncExternalStore(
    (onChange) => {
      if (!target) return () => {};
      const { listeners } = track(target);
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => (target ? track(target).version : -1),
  );
}
