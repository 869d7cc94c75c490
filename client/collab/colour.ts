/** Caret and avatar colours: one per person, from their name, so everyone sees the same colour for them. */

/** Dark enough for white label text (WCAG AA) and distinct from each other. */
const CARET_COLOURS = ["#1d4ed8", "#b91c1c", "#047857", "#7c2d12", "#6d28d9", "#0f766e", "#9d174d", "#374151"];

export function colourFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return CARET_COLOURS[hash % CARET_COLOURS.length];
}
