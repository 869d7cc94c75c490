/** The board's single-key shortcuts: which key does what, for whom. */

export type ShortcutId = "help" | "next" | "previous" | "add1" | "add2" | "add3" | "timer" | "back";

export interface Shortcut {
  id: ShortcutId;
  /** KeyboardEvent.key values that trigger it. */
  keys: string[];
  /** As shown in the help, e.g. "N". */
  label: string;
  what: string;
  /** Only for chairs, or only for those who can change the board. */
  only?: "chair" | "editor";
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: "next", keys: ["n", "N"], label: "N", what: "Next case (as chair leading the room: moves the room)" },
  { id: "previous", keys: ["p", "P"], label: "P", what: "Previous case (as chair leading the room: moves the room)" },
  { id: "add1", keys: ["1"], label: "1", what: "Add a card to “What is working well”", only: "editor" },
  { id: "add2", keys: ["2"], label: "2", what: "Add a card to “What are we worried about”", only: "editor" },
  { id: "add3", keys: ["3"], label: "3", what: "Add a card to “What needs to happen”", only: "editor" },
  { id: "timer", keys: ["t", "T"], label: "T", what: "Start or pause the case timer", only: "chair" },
  { id: "back", keys: ["b", "B"], label: "B", what: "Back to the room's case (follow the chair again)" },
  { id: "help", keys: ["?"], label: "?", what: "Show these shortcuts" },
];

/** Inputs that take no typing: a key pressed on them may be a shortcut. */
const NOT_TYPED = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"]);

/** Keys typed into a field or an editor are never shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !NOT_TYPED.has(target.type);
  return !!target.closest("textarea, select, [contenteditable], [role='textbox']");
}

export function shortcutFor(event: KeyboardEvent): Shortcut | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || event.repeat) return undefined;
  // A modal dialog has the keyboard: nothing behind it reacts.
  if (isTyping(event.target) || document.querySelector("dialog[open]")) return undefined;
  return SHORTCUTS.find((s) => s.keys.includes(event.key));
}
