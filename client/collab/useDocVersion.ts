/**
 * Re-renders a component when a Y.Doc (or one shared type) changes, at most once per frame.
 * Components read the document through shared/board functions during render.
 */
import { useSyncExternalStore } from "react";
import type * as Y from "yjs";

type Observable = Y.Doc | Y.XmlFragment | Y.Map<unknown>;

const versions = new WeakMap<Observable, number>();

function subscribeTo(target: Observable, onChange: () => void): () => void {
  let frame = 0;
  const changed = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      versions.set(target, (versions.get(target) ?? 0) + 1);
      onChange();
    });
  };
  if ("clientID" in target) {
    target.on("update", changed);
    return () => {
      cancelAnimationFrame(frame);
      target.off("update", changed);
    };
  }
  target.observeDeep(changed);
  return () => {
    cancelAnimationFrame(frame);
    target.unobserveDeep(changed);
  };
}

/** A number that changes whenever `target` changes; use it as a memo dependency. */
export function useDocVersion(target: Observable | undefined): number {
  return useSyncExternalStore(
    (onChange) => (target ? subscribeTo(target, onChange) : () => {}),
    () => (target ? (versions.get(target) ?? 0) : -1),
  );
}
