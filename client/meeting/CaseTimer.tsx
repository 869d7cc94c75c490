/**
 * The case timer as everyone sees it: time left (or "Time is up" and how far over), ticking from
 * the shared timer and this machine's clock. Only this component re-renders each second.
 *
 * When the time runs out it turns red, says so once to screen readers (politely, focus stays
 * where it is) and, if this machine's sound is on, beeps.
 */
import { useEffect, useRef, useState } from "react";
import { type TimerState, timerRemainingMs } from "../../shared/meeting/index.ts";
import { beep } from "./beep.ts";
import { formatClock, spokenDuration } from "./timeFormat.ts";
import { useNow } from "./useNow.ts";

interface CaseTimerProps {
  timer: TimerState | undefined;
  /** The label of the timer's case. */
  caseLabel: string | undefined;
  sound?: boolean;
  className?: string;
  /** Told when the time runs out and when it is no longer out (an extension, another case). */
  onTimeUpChange?: (up: boolean) => void;
}

export function CaseTimer({ timer, caseLabel, sound = false, className, onTimeUpChange }: CaseTimerProps) {
  const running = timer?.state === "running";
  // The tick only re-renders; the time is read now, so a timer just started shows its full budget.
  useNow(running);
  const remaining = timer ? timerRemainingMs(timer, Date.now()) : 0;
  const up = !!timer && remaining <= 0;
  const announcement = useTimeUpAnnouncement(up, timer, caseLabel, sound);
  // Only the change is passed up: the page around re-renders when the time runs out, not each second.
  const tell = useRef(onTimeUpChange);
  tell.current = onTimeUpChange;
  useEffect(() => tell.current?.(up), [up]);

  const classes = ["case-timer", running && "running", up && "time-up", className].filter(Boolean).join(" ");
  return (
    <div className={classes} data-time-up={up ? "" : undefined}>
      {timer ? (
        <>
          <span className="timer-case">{caseLabel ?? "Case"}</span>
          <span
            role="timer"
            className="timer-clock"
            aria-label={up ? `Time is up, ${spokenDuration(remaining)} over` : `${spokenDuration(remaining)} left`}
          >
            {up ? `+${formatClock(remaining)}` : formatClock(remaining, "up")}
          </span>
          <span className="timer-state">{up ? "Time is up" : running ? "left" : "left · paused"}</span>
        </>
      ) : (
        <span className="timer-state">No case on the timer yet</span>
      )}
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </div>
  );
}

/** "Time is up for Case 3." once each time the timer reaches zero (not at every tick). */
function useTimeUpAnnouncement(up: boolean, timer: TimerState | undefined, caseLabel: string | undefined, sound: boolean): string {
  const [text, setText] = useState("");
  const was = useRef(up);
  const soundRef = useRef(sound);
  soundRef.current = sound;
  const key = timer ? `${timer.caseId}` : "";
  useEffect(() => {
    const before = was.current;
    was.current = up;
    if (up && !before) {
      setText(`Time is up for ${caseLabel ?? "this case"}.`);
      if (soundRef.current) beep();
    } else if (!up && before) setText("");
  }, [up, caseLabel]);
  // Another case on the timer: what was said about the last one no longer holds.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the timer's case changes.
  useEffect(() => {
    if (!was.current) setText("");
  }, [key]);
  return text;
}
