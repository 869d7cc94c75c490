/** The plain text of the finding an action answers, kept live as people edit that card. */
import { useMemo } from "react";
import { cardBody, fragmentToText } from "../../../shared/board/index.ts";
import { useDocVersion } from "../../collab/useDocVersion.ts";
import { useBoardStatic } from "../BoardContext.tsx";

export function FindingText({ cardId }: { cardId: string }) {
  const { doc } = useBoardStatic();
  const body = cardBody(doc, cardId);
  const version = useDocVersion(body);
  const text = useMemo(() => {
    void version;
    return body ? fragmentToText(body) : undefined;
  }, [body, version]);
  if (text === undefined) return <span className="muted">a finding that was deleted</span>;
  return <span className="finding-text">{text || "an empty finding"}</span>;
}
