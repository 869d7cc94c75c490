/**
 * On an installation with several server nodes, this page's node can lose its link to the others
 * (Redis down). Edits are still saved, but people connected through another node do not see them
 * live, nor this page theirs, until the link is back; then everything merges by itself.
 */
export function LinkPausedNotice({ paused }: { paused: boolean }) {
  return (
    <div role="status" aria-live="polite" className="link-paused-slot">
      {paused && (
        <p className="notice warning link-paused">
          Live updates from some colleagues are paused: the server has lost its link to its other nodes. Your changes are still saved, and
          everyone's changes will appear as soon as the link is back.
        </p>
      )}
    </div>
  );
}
