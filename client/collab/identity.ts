/**
 * Who is at this keyboard, until accounts exist: a display name and an agency from the audit's
 * list, kept in sessionStorage so it ends with the tab.
 */
export interface Identity {
  name: string;
  agencyId: string;
}

const key = (auditId: string) => `maca.identity.${auditId}`;

export function loadIdentity(auditId: string): Identity | undefined {
  try {
    const raw = sessionStorage.getItem(key(auditId));
    const parsed = raw ? (JSON.parse(raw) as Partial<Identity>) : undefined;
    if (typeof parsed?.name === "string" && typeof parsed.agencyId === "string") {
      return { name: parsed.name, agencyId: parsed.agencyId };
    }
  } catch {
    // Unreadable storage: ask again.
  }
  return undefined;
}

export function saveIdentity(auditId: string, identity: Identity): void {
  sessionStorage.setItem(key(auditId), JSON.stringify(identity));
}

/** Dark enough for white label text (WCAG AA) and distinct from each other. */
const CARET_COLOURS = ["#1d4ed8", "#b91c1c", "#047857", "#7c2d12", "#6d28d9", "#0f766e", "#9d174d", "#374151"];

export function colourFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return CARET_COLOURS[hash % CARET_COLOURS.length];
}
