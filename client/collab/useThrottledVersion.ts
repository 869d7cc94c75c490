/**
 * Like useDocVersion, but the number it returns changes at most every `intervalMs` (the first
 * change after a quiet spell at once). For views that re-read the whole board: while people type
 * they follow along a few times a second instead of every frame.
 */
import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { useDocVersion } from "./useDocVersion.ts";

export function useThrottledVersion(doc: Y.Doc, intervalMs = 300): number {
  const version = useDocVersion(doc);
  const [shown, setShown] = useState(version);
  const lastShown = useRef(0);
  useEffect(() => {
    if (version === shown) return;
    const wait = Math.max(0, lastShown.current + intervalMs - performance.now());
    const timer = setTimeout(() => {
      lastShown.current = performance.now();
      setShown(version);
    }, wait);
    return () => clearTimeout(timer);
  }, [version, shown, intervalMs]);
  return shown;
}
