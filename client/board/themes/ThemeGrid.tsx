/**
 * Theme × case grid: how many cards of each case are tagged with each theme, and in how many
 * cases each theme was seen. Themes seen in two or more cases are marked: they feed the learning
 * summary's "issues identified across multiple cases".
 */
import { memo } from "react";
import { Link } from "react-router";
import type { ThemeCount } from "../../../shared/domain/themeCounts.ts";
import { boardSearch } from "../views.ts";

interface ThemeGridProps {
  counts: ThemeCount[];
  cases: { id: string; label: string }[];
}

export const ThemeGrid = memo(function ThemeGrid({ counts, cases }: ThemeGridProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling grid must be reachable by keyboard to scroll it.
    <section className="table-scroll theme-grid-scroll" aria-label="Theme by case grid" tabIndex={0}>
      <table className="data-table theme-grid">
        <caption className="visually-hidden">Cards tagged with each theme, per case, and how many cases each theme was seen in</caption>
        <thead>
          <tr>
            <th scope="col">Theme</th>
            {cases.map((c) => (
              <th scope="col" key={c.id} className="case-col">
                <Link to={boardSearch({ case: c.id })}>{c.label}</Link>
              </th>
            ))}
            <th scope="col">Seen in</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((theme) => {
            const recurring = theme.caseIds.length >= 2;
            return (
              <tr key={theme.themeId} className={recurring ? "recurring" : undefined}>
                <th scope="row">
                  {theme.name}
                  {recurring && <span className="recurring-tag">Across cases</span>}
                </th>
                {cases.map((c) => {
                  const n = theme.cardsPerCase[c.id] ?? 0;
                  return (
                    <td key={c.id} className={n > 0 ? "count-cell seen" : "count-cell"}>
                      {n > 0 ? (
                        n
                      ) : (
                        <>
                          <span aria-hidden="true">·</span>
                          <span className="visually-hidden">0</span>
                        </>
                      )}
                    </td>
                  );
                })}
                <td className="nowrap seen-in">
                  Seen in {theme.caseIds.length} of {cases.length} {cases.length === 1 ? "case" : "cases"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
});
