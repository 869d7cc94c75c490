/** Says, above the board, that this person can follow the board but not change it. */
export function ReadOnlyBanner() {
  return (
    <section className="read-only-banner" aria-label="Read-only">
      <p>
        <strong>Read-only:</strong> you are observing this audit. You can follow the board live but not add, edit, move or delete anything.
      </p>
    </section>
  );
}
