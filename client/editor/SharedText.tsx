/**
 * A piece of shared rich text that shows as static text and becomes the collaborative editor
 * when the person chooses to edit it (a click on the text, or the caller's Edit button).
 */
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { lazy, Suspense } from "react";
import type * as Y from "yjs";
import type { PresenceUser } from "../collab/usePresence.ts";
import { RichTextView } from "./RichTextView.tsx";

const loadEditor = () => import("./CollaborativeEditor.tsx");
const CollaborativeEditor = lazy(loadEditor);

/** Fetches the editor chunk ahead of the first click, so the first keystrokes are not lost. */
export function preloadEditor(): void {
  void loadEditor();
}

export interface SharedTextProps {
  fragment: Y.XmlFragment;
  provider: HocuspocusProvider;
  user: PresenceUser;
  editing: boolean;
  /** Static text only: no editor, no click to edit. */
  readOnly?: boolean;
  onEdit: () => void;
  onDone: () => void;
  /** Accessible name of the editor, e.g. "Card text" or "Case notes". */
  label: string;
  placeholder?: string;
}

export function SharedText({ fragment, provider, user, editing, readOnly = false, onEdit, onDone, label, placeholder }: SharedTextProps) {
  if (readOnly) {
    return (
      <div className="rich-text">
        <RichTextView fragment={fragment} placeholder={placeholder} />
      </div>
    );
  }
  if (editing) {
    return (
      <Suspense fallback={<RichTextView fragment={fragment} placeholder={placeholder} />}>
        <CollaborativeEditor fragment={fragment} provider={provider} user={user} label={label} onDone={onDone} />
      </Suspense>
    );
  }
  // Clicking the text is a mouse shortcut; keyboard users have an explicit Edit button beside it.
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the Edit button is the keyboard path.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the Edit button is the keyboard path.
    <div className="rich-text editable" onClick={onEdit}>
      <RichTextView fragment={fragment} placeholder={placeholder} />
    </div>
  );
}
