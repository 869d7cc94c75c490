/** One theme in the list: rename in place, delete after a confirmation that says what it untags. */
import { type FormEvent, useRef, useState } from "react";
import { deleteTheme, readThemes, renameTheme, type ThemeJson } from "../../../shared/board/index.ts";
import { LIMITS } from "../../../shared/validation/limits.ts";
import { useBoardStatic } from "../BoardContext.tsx";

export function ThemeRow({ theme, cards }: { theme: ThemeJson; cards: number }) {
  const { doc, announce } = useBoardStatic();
  const [mode, setMode] = useState<"show" | "rename" | "delete">("show");
  const [error, setError] = useState("");
  const renameButton = useRef<HTMLButtonElement>(null);
  const inputId = `rename-${theme.id}`;

  const back = () => {
    setMode("show");
    setError("");
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  const rename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (!name) return setError("A theme needs a name.");
    const clash = readThemes(doc).find((t) => t.id !== theme.id && t.name.toLowerCase() === name.toLowerCase());
    if (clash) return setError(`There is already a theme called “${clash.name}”.`);
    renameTheme(doc, theme.id, name);
    announce(`Theme renamed to “${name}”`);
    back();
  };

  if (mode === "rename") {
    return (
      <li className="theme-row">
        <form className="inline-form" onSubmit={rename} aria-label={`Rename ${theme.name}`} noValidate>
          <label htmlFor={inputId} className="visually-hidden">
            New name for {theme.name}
          </label>
          {/* biome-ignore lint/a11y/noAutofocus: the field opens on request; focus goes to it. */}
          <input id={inputId} name="name" defaultValue={theme.name} maxLength={LIMITS.shortTextChars} autoComplete="off" autoFocus />
          <button type="submit" className="primary">
            Save
          </button>
          <button type="button" onClick={back}>
            Cancel
          </button>
        </form>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </li>
    );
  }

  const usage = cards === 0 ? "not used yet" : cards === 1 ? "on 1 card" : `on ${cards} cards`;
  return (
    <li className="theme-row">
      <span className="theme-name">{theme.name}</span>
      <span className="theme-usage">{usage}</span>
      {mode === "delete" ? (
        <span className="button-row">
          <button
            type="button"
            className="danger"
            aria-label={`Confirm delete of ${theme.name}${cards > 0 ? `: it is removed from ${usage.replace("on ", "")}` : ""}`}
            onClick={() => {
              deleteTheme(doc, theme.id);
              announce(`Theme “${theme.name}” deleted${cards > 0 ? ` and removed from ${usage.replace("on ", "")}` : ""}`);
            }}
          >
            Confirm delete{cards > 0 ? ` (untags ${cards === 1 ? "1 card" : `${cards} cards`})` : ""}
          </button>
          <button type="button" onClick={back}>
            Keep
          </button>
        </span>
      ) : (
        <span className="button-row">
          <button ref={renameButton} type="button" aria-label={`Rename ${theme.name}`} onClick={() => setMode("rename")}>
            Rename
          </button>
          <button type="button" aria-label={`Delete ${theme.name}`} onClick={() => setMode("delete")}>
            Delete
          </button>
        </span>
      )}
    </li>
  );
}
