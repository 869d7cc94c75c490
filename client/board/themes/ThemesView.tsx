/**
 * Themes across cases: the theme × case grid (live), which themes recur, and — for those who can
 * edit — the audit's theme list to add, rename and delete themes.
 */
import { useMemo } from "react";
import { themeCounts } from "../../../shared/domain/themeCounts.ts";
import { useBoard } from "../BoardContext.tsx";
import { useBoardJson } from "../useBoardJson.ts";
import { AddThemeForm } from "./AddThemeForm.tsx";
import { ThemeGrid } from "./ThemeGrid.tsx";
import { ThemeRow } from "./ThemeRow.tsx";

export function ThemesView() {
  const { doc, readOnly } = useBoard();
  const board = useBoardJson(doc);
  const counts = useMemo(() => themeCounts(board), [board]);
  const columns = useMemo(() => board.cases.map((c) => ({ id: c.id, label: c.label })), [board]);
  const recurring = counts.filter((t) => t.caseIds.length >= 2);
  const cardsPerTheme = (themeId: string) =>
    Object.values(counts.find((t) => t.themeId === themeId)?.cardsPerCase ?? {}).reduce((sum, n) => sum + n, 0);

  return (
    <article className="case section themes-view" aria-labelledby="section-heading">
      <h2 id="section-heading">Themes across cases</h2>
      <p className="hint">
        Tag cards with themes from each card’s “Themes” button. A theme seen in two or more of the {columns.length}{" "}
        {columns.length === 1 ? "case" : "cases"} is an issue across multiple cases for the learning summary.
      </p>
      <p className="recurring-summary">
        {recurring.length === 0
          ? "No theme has been seen in two or more cases yet."
          : `Seen in two or more cases: ${recurring.map((t) => `${t.name} (${t.caseIds.length})`).join(", ")}.`}
      </p>
      {counts.length === 0 ? <p>No themes yet.</p> : <ThemeGrid counts={counts} cases={columns} />}
      {!readOnly && (
        <section className="theme-manage" aria-labelledby="theme-manage-heading">
          <h3 id="theme-manage-heading">The audit’s themes</h3>
          <p className="hint">Changes here reach everyone at once. Deleting a theme removes it from every card tagged with it.</p>
          <ul className="theme-list">
            {board.themes.map((theme) => (
              <ThemeRow key={theme.id} theme={theme} cards={cardsPerTheme(theme.id)} />
            ))}
          </ul>
          <AddThemeForm />
        </section>
      )}
    </article>
  );
}
