/**
 * "Themes…" on a card: a checklist of the audit's themes; ticking one tags the card at once (for
 * everyone). Escape or moving focus away closes it.
 */
import { useEffect, useReducer, useRef, useState } from "react";
import { readCardMeta, tagCard } from "../../../shared/board/index.ts";
import { useBoardStatic } from "../BoardContext.tsx";
import { useThemes } from "./useThemes.ts";

export function ThemeMenu({ cardId, onOpenChange }: { cardId: string; onOpenChange?: (open: boolean) => void }) {
  const { doc, announce } = useBoardStatic();
  const themes = useThemes(doc);
  const [open, setOpenState] = useState(false);
  // Ticking writes to the document synchronously; re-render now so the box shows it.
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const panelRef = useRef<HTMLFieldSetElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const setOpen = (value: boolean) => {
    setOpenState(value);
    onOpenChange?.(value);
  };

  useEffect(() => {
    if (open) panelRef.current?.querySelector("input")?.focus();
  }, [open]);

  const tagged = new Set(readCardMeta(doc, cardId)?.themes ?? []);
  const legendId = `themes-${cardId}-legend`;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape and focus leaving close the checklist; its inputs are the controls.
    <div
      className="menu"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button ref={buttonRef} type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Themes{tagged.size > 0 ? ` (${tagged.size})` : ""}…
      </button>
      {open && (
        <fieldset className="menu-list theme-menu" ref={panelRef} aria-labelledby={legendId}>
          <legend id={legendId} className="visually-hidden">
            Themes of this card
          </legend>
          {themes.length === 0 && <p className="hint">No themes yet: add them under “Themes across cases”.</p>}
          <ul>
            {themes.map((theme) => (
              <li key={theme.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={tagged.has(theme.id)}
                    onChange={(event) => {
                      const on = event.target.checked;
                      tagCard(doc, cardId, theme.id, on);
                      refresh();
                      announce(on ? `Card tagged with ${theme.name}` : `${theme.name} removed from the card`);
                    }}
                  />
                  {theme.name}
                </label>
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              buttonRef.current?.focus();
            }}
          >
            Done
          </button>
        </fieldset>
      )}
    </div>
  );
}
