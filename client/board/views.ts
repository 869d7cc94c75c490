/**
 * What the board's main area can show besides a case: the immediate safeguarding concerns, the
 * audit-level sections, the theme grid and the action plan. They are addressed as `?view=<id>`; a case as `?case=<id>`, and a card in
 * it as `?case=<id>&card=<cardId>`.
 */
import { SECTION_IDS, SECTION_TITLES, type SectionId } from "../../shared/board/index.ts";

export const AUDIT_VIEWS = ["concerns", ...SECTION_IDS, "themes", "actions"] as const;
export type AuditViewId = (typeof AUDIT_VIEWS)[number];

export const AUDIT_VIEW_TITLES: Record<AuditViewId, string> = {
  concerns: "Immediate concerns",
  ...SECTION_TITLES,
  // Shorter than the summary's heading: it sits in the agenda.
  acrossCases: "Issues across cases",
  themes: "Themes across cases",
  actions: "Action plan",
};

export function isAuditView(value: string | null | undefined): value is AuditViewId {
  return AUDIT_VIEWS.includes(value as AuditViewId);
}

export function isSection(view: AuditViewId): view is SectionId {
  return SECTION_IDS.includes(view as SectionId);
}

/** Presence says where a person is: a case id, or "view:<id>" for an audit-level view. */
export function viewPresenceKey(view: AuditViewId): string {
  return `view:${view}`;
}

export function viewFromPresenceKey(key: string | undefined): AuditViewId | undefined {
  const view = key?.startsWith("view:") ? key.slice(5) : undefined;
  return isAuditView(view) ? view : undefined;
}

/** Query string of a board location. */
export function boardSearch(location: { case: string; card?: string } | { view: AuditViewId }): string {
  const params = new URLSearchParams();
  if ("view" in location) params.set("view", location.view);
  else {
    params.set("case", location.case);
    if (location.card) params.set("card", location.card);
  }
  return `?${params.toString()}`;
}
