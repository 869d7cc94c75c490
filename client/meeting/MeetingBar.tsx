/**
 * The meeting bar above the board, on every member's screen: where the room is, the case timer,
 * the chair's timer controls (chairs only), following the chair or browsing, the timer's sound,
 * the projector view and the keyboard shortcuts.
 */
import { memo, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { CASE_STATUS_TITLES } from "../../shared/meeting/index.ts";
import { primeAudio } from "./beep.ts";
import { CaseTimer } from "./CaseTimer.tsx";
import { FollowControls } from "./FollowControls.tsx";
import { useMeetingContext } from "./MeetingContext.tsx";
import { MeetingPlanDialog } from "./MeetingPlanDialog.tsx";
import { SoundToggle } from "./SoundToggle.tsx";
import { TimerControls } from "./TimerControls.tsx";

interface MeetingBarProps {
  auditId: string;
  announce: (message: string) => void;
  /** The room moved while I was typing: my board follows once I finish. */
  held: boolean;
}

export const MeetingBar = memo(function MeetingBar({ auditId, announce, held }: MeetingBarProps) {
  const { meeting, cases, isChair, roomCase, status, sound, showShortcuts } = useMeetingContext();
  const [planning, setPlanning] = useState(false);
  const [timeUp, setTimeUp] = useState(false);
  const planButton = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLElement>(null);
  useKeepClearOfBar(bar);
  const timerCase = cases.find((c) => c.id === meeting.timer?.caseId);

  // A beep needs the page to have been used once: the first key or click allows it.
  useEffect(() => {
    const prime = () => primeAudio();
    document.addEventListener("pointerdown", prime, { once: true });
    document.addEventListener("keydown", prime, { once: true });
    return () => {
      document.removeEventListener("pointerdown", prime);
      document.removeEventListener("keydown", prime);
    };
  }, []);

  return (
    <section ref={bar} className={timeUp ? "meeting-bar time-up" : "meeting-bar"} aria-labelledby="meeting-heading">
      <h2 id="meeting-heading" className="visually-hidden">
        Meeting
      </h2>
      <p className="meeting-room">
        {status === "refused" ? (
          <span className="notice warning">The meeting state is not available: ask the chair.</span>
        ) : roomCase ? (
          <>
            <span className="meeting-room-label">Room is on</span> <strong>{roomCase.label}</strong>{" "}
            <span className="case-status">{CASE_STATUS_TITLES[meeting.statuses[roomCase.id] ?? "not-started"]}</span>
          </>
        ) : status === "connecting" ? (
          "Joining the meeting…"
        ) : isChair ? (
          "Choose a case in the agenda to start the meeting."
        ) : (
          "The chair has not opened a case yet."
        )}
      </p>
      <CaseTimer timer={meeting.timer} caseLabel={timerCase?.label} sound={sound} onTimeUpChange={setTimeUp} />
      {isChair && (
        <div ref={planButton}>
          <TimerControls onPlan={() => setPlanning(true)} />
        </div>
      )}
      <FollowControls />
      {held && roomCase && <p className="meeting-held">The room moved to {roomCase.label}: your board follows when you finish editing.</p>}
      <div className="meeting-tools">
        <SoundToggle />
        <Link to={`/audits/${auditId}/present`} target="_blank" rel="noopener">
          Projector view<span className="visually-hidden"> (opens in a new tab)</span>
        </Link>
        <button type="button" className="link-button" aria-keyshortcuts="Shift+?" onClick={showShortcuts}>
          Keyboard shortcuts
        </button>
      </div>
      {isChair && (
        <MeetingPlanDialog
          open={planning}
          onClose={() => setPlanning(false)}
          afterClose={() => planButton.current?.querySelector<HTMLButtonElement>("button:last-child")?.focus()}
          onSaved={() => announce("Meeting plan saved")}
        />
      )}
    </section>
  );
});

/**
 * The bar stays at the top of the window: whatever the keyboard or a link brings into view is
 * scrolled clear of it (WCAG 2.4.11, focus not obscured), however many lines it takes.
 */
function useKeepClearOfBar(bar: React.RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const update = () => {
      const sticky = getComputedStyle(element).position === "sticky";
      root.style.scrollPaddingTop = sticky ? `${element.offsetHeight + 8}px` : "";
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = "";
    };
  }, [bar]);
}
