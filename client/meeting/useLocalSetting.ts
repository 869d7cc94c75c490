/** A yes/no preference of this browser (timer sound, single-key shortcuts), kept in localStorage. */
import { useCallback, useState } from "react";

function read(key: string, fallback: boolean): boolean {
  try {
    const stored = localStorage.getItem(key);
    return stored === null ? fallback : stored === "on";
  } catch {
    return fallback;
  }
}

export function useLocalSetting(key: string, fallback: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => read(key, fallback));
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        localStorage.setItem(key, next ? "on" : "off");
      } catch {
        // Private mode or storage full: the setting holds for this page only.
      }
    },
    [key],
  );
  return [value, set];
}
