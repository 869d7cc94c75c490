/** Adds a theme to the audit's list (for everyone at once); a name already in the list is refused. */
import { type FormEvent, useState } from "react";
import { addTheme, readThemes } from "../../../shared/board/index.ts";
import { LIMITS } from "../../../shared/validation/limits.ts";
import { useBoardStatic } from "../BoardContext.tsx";

export function AddThemeForm() {
  const { doc, announce } = useBoardStatic();
  const [error, setError] = useState("");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    if (!name) return setError("Type the theme's name first.");
    if (readThemes(doc).some((t) => t.name.toLowerCase() === name.toLowerCase()))
      return setError(`There is already a theme called “${name}”.`);
    addTheme(doc, name);
    setError("");
    form.reset();
    announce(`Theme “${name}” added`);
  };
  return (
    <form className="form inline add-theme" onSubmit={submit} aria-label="Add a theme" noValidate>
      <div className="field">
        <label htmlFor="new-theme">New theme</label>
        <input
          id="new-theme"
          name="name"
          maxLength={LIMITS.shortTextChars}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "new-theme-error" : undefined}
        />
      </div>
      <button type="submit" className="primary">
        Add theme
      </button>
      <p id="new-theme-error" className="error" role="alert">
        {error}
      </p>
    </form>
  );
}
