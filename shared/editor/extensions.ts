/**
 * The rich-text schema of card bodies, notes and sections: one list for the client's editor and
 * for any server-side rendering, so both agree on which nodes and marks exist.
 */
import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

export function richTextExtensions(): Extensions {
  return [
    StarterKit.configure({
      // Collaboration brings its own undo manager, scoped to the local user's changes.
      undoRedo: false,
      heading: { levels: [3, 4] },
      codeBlock: false,
      horizontalRule: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ["http", "https", "mailto"],
        defaultProtocol: "https",
      },
    }),
  ];
}
