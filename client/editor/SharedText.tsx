/**
 * A piece of shared rich text that shows as static text and becomes the collaborative editor
 * when the person chooses to edit it (click, Enter or the Edit button).
 */
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { lazy, Suspense } from "react";
import type * as Y from "yjs";
import type { PresenceUser } from "../collab/usePresence.ts";
import { RichTextView } from "./RichTextView.tsx";

const CollaborativeEditor = lazy(() => import("./CollaborativeEditor.tsx"));

export interface SharedTextProps {
  fragment: Y.XmlFragment;
  provider: HocuspocusProvider;
  user: PresenceUser;
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
  /** Accessible name of the text, e.g. "Card text" or "Case notes". */
  label: string;
  placeholder?: string;
  readOnly?: boolean;
}

export function SharedText({ fragment, provider, user, editing, onEdit, onDone, label, placeholder, readOnly }: SharedTextProps) {
  if (editing && !readOnly) {
    return (
      <Suspense fallback={<RichTextView fragment={fragment} placeholder={placeholder} />}>
        <CollaborativeEditor fragment={fragment} provider={provider} user={user} label={label} onDone={onDone} />
      </Suspense>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <button> cannot hold the paragraphs and lists of rich text.
    <div
      className="rich-text"
      role={readOnly ? undefined : "button"}
      tabIndex={readOnly ? undefined : 0}
      aria-label={readOnly ? undefined : `Edit ${label.toLowerCase()}`}
      onClick={readOnly ? undefined : onEdit}
      onKeyDown={
        readOnly
          ? undefined
          : (event) => {
              if (event.key === "Enter" && event.target === event.currentTarget) {
                event.preventDefault();
                onEdit();
              }
            }
      }
    >
      <RichTextView fragment={fragment} placeholder={placeholder} />
    </div>
  );
}
