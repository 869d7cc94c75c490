/** Says the board was upgraded by a newer release while this page was open: read-only until reloaded. */
export function SchemaUpgradedBanner() {
  return (
    <section className="read-only-banner" role="alert" aria-label="Board upgraded">
      <p>
        <strong>This board was upgraded — reload</strong> the page to keep working. Until then you can follow the board but not change it.
      </p>
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </section>
  );
}
