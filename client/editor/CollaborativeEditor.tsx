/**
 * The collaborative Tiptap editor, bound to one shared fragment (a card body, case notes or a
 * section) with labelled carets of the others editing it. Loaded lazily: the board renders
 * static text until someone edits.
 */
import type { HocuspocusProvider } from "@hocuspocus/provider";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import type * as Y from "yjs";
import { richTextExtensions } from "../../shared/editor/extensions.ts";
import { throttledAwareness } from "../collab/throttledAwareness.ts";
import type { PresenceUser } from "../collab/usePresence.ts";

export interface CollaborativeEditorProps {
  fragment: Y.XmlFragment;
  provider: HocuspocusProvider;
  user: PresenceUser;
  /** Accessible name of the text box, e.g. "Card text". */
  label: string;
  /** Called when the person leaves the editor (Escape or focus moving away). */
  onDone: () => void;
}

/** Caret label: name and agency as text, so identity never depends on colour alone. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement("span");
  caret.classList.add("collaboration-carets__caret");
  caret.style.borderColor = String(user.color);
  const label = document.createElement("span");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = String(user.color);
  label.textContent = `${String(user.name)} (${String(user.agency)})`;
  caret.append(label);
  return caret;
}

function caretProvider(provider: HocuspocusProvider) {
  return { awareness: provider.awareness && throttledAwareness(provider.awareness) };
}

export default function CollaborativeEditor({ fragment, provider, user, label, onDone }: CollaborativeEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        ...richTextExtensions(),
        Collaboration.configure({ fragment }),
        // The extension only uses the provider's awareness; carets are published through a throttle.
        CollaborationCaret.configure({ provider: caretProvider(provider), user, render: renderCaret }),
      ],
      autofocus: "end",
      editorProps: {
        attributes: { "aria-label": label, "aria-multiline": "true", role: "textbox", class: "rich-text editing" },
        handleKeyDown: (_view, event) => {
          if (event.key === "Escape") {
            onDone();
            return true;
          }
          return false;
        },
      },
      onBlur: ({ event }) => {
        // Focus moving to this card's own controls keeps the editor open.
        const next = event.relatedTarget as Node | null;
        const container = (event.target as HTMLElement | null)?.closest("[data-editor-scope]");
        if (!next || !container?.contains(next)) onDone();
      },
    },
    [fragment],
  );
  return <EditorContent editor={editor} />;
}
