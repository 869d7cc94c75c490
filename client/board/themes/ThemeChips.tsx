/** The themes a card is tagged with, as small chips (text, so never colour alone). */
import type { ThemeJson } from "../../../shared/board/index.ts";

export function ThemeChips({ ids, themes }: { ids: string[]; themes: ThemeJson[] }) {
  const names = ids.map((id) => themes.find((t) => t.id === id)?.name).filter((name): name is string => !!name);
  if (names.length === 0) return null;
  return (
    <ul className="theme-chips" aria-label="Themes">
      {names.map((name) => (
        <li key={name} className="theme-chip">
          {name}
        </li>
      ))}
    </ul>
  );
}
