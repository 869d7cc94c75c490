/**
 * The local clock, re-read every `intervalMs` while `ticking`: only the component that shows a
 * running time re-renders each second, not the board around it.
 */
import { useEffect, useState } from "react";

export function useNow(ticking: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!ticking) return;
    // Aligned to the next whole interval of the clock, so every screen changes its second together.
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const at = Date.now();
      setNow(at);
      timer = setTimeout(tick, intervalMs - (at % intervalMs) + 5);
    };
    timer = setTimeout(tick, intervalMs - (Date.now() % intervalMs) + 5);
    return () => clearTimeout(timer);
  }, [ticking, intervalMs]);
  return now;
}
