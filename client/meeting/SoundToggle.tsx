/** Sound when the timer runs out, on this machine only (attendees start muted, chairs with sound). */
import { primeAudio } from "./beep.ts";
import { useMeetingContext } from "./MeetingContext.tsx";

export function SoundToggle() {
  const { sound, setSound } = useMeetingContext();
  return (
    <label className="checkbox sound-toggle">
      <input
        type="checkbox"
        checked={sound}
        onChange={(event) => {
          if (event.target.checked) primeAudio();
          setSound(event.target.checked);
        }}
      />
      Sound when time is up
    </label>
  );
}
