/** A SHA-256: the whole of it, or its first characters with a button that shows the rest. */
import { useState } from "react";
import { shortHash } from "./format.ts";

interface HashTextProps {
  sha256: string;
  /** Always the whole hash. */
  full?: boolean;
  /** What the hash is of, for the button's name ("after case 3"). */
  of?: string;
}

export function HashText({ sha256, full = false, of }: HashTextProps) {
  const [expanded, setExpanded] = useState(false);
  if (full) return <code className="hash">{sha256}</code>;
  return (
    <span className="hash-text">
      <code className="hash">{expanded ? sha256 : `${shortHash(sha256)}…`}</code>{" "}
      <button
        type="button"
        className="link-button"
        aria-expanded={expanded}
        aria-label={`${expanded ? "Shorten" : "Show full"} SHA-256${of ? ` of “${of}”` : ""}`}
        onClick={() => setExpanded(!expanded)}
      >
        {expanded ? "Shorten" : "Show full"}
      </button>
    </span>
  );
}
