/**
 * Whether my board follows the room: "Following chair" or "Browsing" (for a chair: "Leading the
 * room", where choosing a case moves everyone, or "Browsing" alone), and "Back to chair".
 */
import { useRef } from "react";
import { useMeetingContext } from "./MeetingContext.tsx";

export function FollowControls() {
  const { following, setFollowing, isChair, roomCase } = useMeetingContext();
  const followRadio = useRef<HTMLInputElement>(null);
  const on = isChair ? "Leading the room" : "Following chair";
  return (
    <div className="follow-controls">
      <fieldset className="follow-toggle">
        <legend className="visually-hidden">{isChair ? "When I choose a case" : "My board"}</legend>
        <label className={following ? "checked" : undefined}>
          <input ref={followRadio} type="radio" name="follow" checked={following} onChange={() => setFollowing(true)} />
          {on}
        </label>
        <label className={following ? undefined : "checked"}>
          <input type="radio" name="follow" checked={!following} onChange={() => setFollowing(false)} />
          Browsing
        </label>
      </fieldset>
      {!following && roomCase && (
        <button
          type="button"
          className="secondary"
          aria-keyshortcuts="B"
          onClick={() => {
            setFollowing(true);
            // The button goes once I follow again: the keyboard lands on the choice it made.
            requestAnimationFrame(() => followRadio.current?.focus());
          }}
        >
          {isChair ? "Back to the room's case" : "Back to chair"}
        </button>
      )}
    </div>
  );
}
