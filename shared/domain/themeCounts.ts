/** How often each theme was seen across an audit's cases (the theme × case grid and the summary). */
import type { BoardJson } from "./board.ts";

export interface ThemeCount {
  themeId: string;
  name: string;
  /** Ids of the cases with at least one card tagged with the theme, in agenda order. */
  caseIds: string[];
  /** Cards tagged with the theme, per case id. */
  cardsPerCase: Record<string, number>;
}

export function themeCounts(board: BoardJson): ThemeCount[] {
  return board.themes.map((theme) => {
    const cardsPerCase: Record<string, number> = {};
    for (const c of board.cases) {
      const cards = [...c.columns.workingWell, ...c.columns.worried, ...c.columns.needsToHappen];
      const tagged = cards.filter((card) => card.themes.includes(theme.id)).length;
      if (tagged > 0) cardsPerCase[c.id] = tagged;
    }
    return { themeId: theme.id, name: theme.name, caseIds: board.cases.filter((c) => cardsPerCase[c.id]).map((c) => c.id), cardsPerCase };
  });
}

/** Themes seen in two or more cases: the summary's "issues identified across multiple cases". */
export function recurringThemes(board: BoardJson): ThemeCount[] {
  return themeCounts(board).filter((t) => t.caseIds.length >= 2);
}
