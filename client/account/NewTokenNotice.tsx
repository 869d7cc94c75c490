/** A just-created token's secret, shown this once, with a copy button. */
import { useEffect, useRef, useState } from "react";
import type { CreatedToken } from "../api/client.ts";

export function NewTokenNotice({ token, onDismiss }: { token: CreatedToken; onDismiss: () => void }) {
  const [copied, setCopied] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // Focus goes to the notice so a screen-reader user hears it before anything else.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied("Copied to the clipboard.");
    } catch {
      inputRef.current?.select();
      setCopied("Copying is blocked here: the token is selected, press Ctrl+C (or ⌘C) to copy it.");
    }
  }

  return (
    <section className="token-notice" aria-labelledby="new-token-heading">
      <h3 id="new-token-heading" tabIndex={-1} ref={headingRef}>
        Token “{token.name}” created
      </h3>
      <p>
        <strong>Copy it now: you will not see this token again.</strong> Only a hash of it is kept.
      </p>
      <div className="copy-row">
        <label htmlFor="new-token-value" className="visually-hidden">
          The new token
        </label>
        <input id="new-token-value" ref={inputRef} readOnly value={token.token} spellCheck={false} onFocus={(e) => e.target.select()} />
        <button type="button" className="primary" onClick={copy}>
          Copy
        </button>
      </div>
      <p role="status" className="hint">
        {copied}
      </p>
      <button type="button" onClick={onDismiss}>
        I have copied it
      </button>
    </section>
  );
}
