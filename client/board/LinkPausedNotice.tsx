/**
 * On an installation with several server nodes, this page's node can lose its live link to the
 * others (Redis down). Edits are still saved; changes made through another node still arrive,
 * read back from the shared database every few seconds, but their cursors do not, until the link
 * is back.
 */
export function LinkPausedNotice({ paused }: { paused: boolean }) {
  return (
    <div role="status" aria-live="polite" className="link-paused-slot">
      {paused && (
        <p className="notice warning link-paused">
          Changes from colleagues on other servers may arrive a few seconds late, and their cursors are not shown: this server has lost its
          live link to the others. Your changes are still saved.
        </p>
      )}
    </div>
  );
}
