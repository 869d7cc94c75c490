/**
 * Tells the author that their last change reached the server after the freeze and was refused,
 * so it is not mistaken for saved. It stays until dismissed.
 */
import { useState } from "react";

export function EditsRejectedNotice({ at }: { at: number | undefined }) {
  const [dismissed, setDismissed] = useState<number>();
  // A new rejection (a new time) shows the notice again.
  const shown = at !== undefined && dismissed !== at;
  return (
    <div role="alert" className="edits-rejected-slot">
      {shown && (
        <div className="notice warning edits-rejected">
          <p>
            Your last change arrived after the audit was frozen and was not saved. The board shows what was signed off; ask the chair to
            reopen the audit if it needs to change.
          </p>
          <button type="button" onClick={() => setDismissed(at)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
