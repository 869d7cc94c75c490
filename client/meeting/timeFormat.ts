/** Times as people read them in a meeting: "4:05", "1:02:30", "10 min". */

/** m:ss (h:mm:ss from an hour), of the absolute value, rounded up to the second for time left. */
export function formatClock(ms: number, round: "up" | "down" = "down"): string {
  const seconds = round === "up" ? Math.ceil(Math.abs(ms) / 1000) : Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** "10 min", "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Words for screen readers: "4 minutes 5 seconds". */
export function spokenDuration(ms: number): string {
  const seconds = Math.ceil(Math.abs(ms) / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const parts = [m > 0 ? `${m} ${m === 1 ? "minute" : "minutes"}` : "", s > 0 || m === 0 ? `${s} ${s === 1 ? "second" : "seconds"}` : ""];
  return parts.filter(Boolean).join(" ");
}
