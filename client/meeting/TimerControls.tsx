/** The chair's timer controls: start or pause, +1 and +5 minutes, and "Mark discussed" for the room's case. */
import { extendTimer, pauseTimer, startTimer } from "../../shared/meeting/index.ts";
import { changeCaseStatus } from "./chairActions.ts";
import { useMeetingContext } from "./MeetingContext.tsx";

export function TimerControls({ onPlan }: { onPlan: () => void }) {
  const { doc, meeting, roomCase } = useMeetingContext();
  const timer = meeting.timer;
  const running = timer?.state === "running";
  const status = roomCase ? (meeting.statuses[roomCase.id] ?? "not-started") : undefined;
  return (
    <fieldset className="timer-controls">
      <legend className="visually-hidden">Chair's controls</legend>
      <button
        type="button"
        className="primary"
        disabled={!timer}
        aria-keyshortcuts="T"
        onClick={() => (running ? pauseTimer(doc) : startTimer(doc))}
      >
        {running ? "Pause timer" : "Start timer"}
      </button>
      <button type="button" disabled={!timer} onClick={() => extendTimer(doc, 1)}>
        +1 min
      </button>
      <button type="button" disabled={!timer} onClick={() => extendTimer(doc, 5)}>
        +5 min
      </button>
      {roomCase && (
        <button type="button" onClick={() => changeCaseStatus(doc, roomCase.id, status === "discussed" ? "in-discussion" : "discussed")}>
          Mark <span className="visually-hidden">{roomCase.label} </span>
          {status === "discussed" ? "in discussion" : "discussed"}
        </button>
      )}
      <button type="button" onClick={onPlan}>
        Plan meeting…
      </button>
    </fieldset>
  );
}
