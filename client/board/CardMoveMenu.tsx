/** "Move to…": the keyboard and menu alternative to dragging a card. */
import { useEffect, useRef, useState } from "react";
import { COLUMN_IDS, COLUMN_TITLES, type ColumnId } from "../../shared/board/index.ts";

export interface MoveTarget {
  column: ColumnId;
  index: number;
}

interface CardMoveMenuProps {
  column: ColumnId;
  index: number;
  columnLength: number;
  onMove: (to: MoveTarget) => void;
}

export function CardMoveMenu({ column, index, columnLength, onMove }: CardMoveMenuProps) {
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLUListElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) menuRef.current?.querySelector("button")?.focus();
  }, [open]);

  const choose = (to: MoveTarget) => {
    setOpen(false);
    onMove(to);
  };

  const options: { label: string; to: MoveTarget; disabled?: boolean }[] = [
    { label: "Move up", to: { column, index: index - 1 }, disabled: index === 0 },
    { label: "Move down", to: { column, index: index + 1 }, disabled: index >= columnLength - 1 },
    ...COLUMN_IDS.filter((c) => c !== column).map((c) => ({
      label: `Move to ${COLUMN_TITLES[c]}`,
      to: { column: c, index: Number.MAX_SAFE_INTEGER },
    })),
  ];

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape and focus leaving close the menu; its buttons are the controls.
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
      <button ref={buttonRef} type="button" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen(!open)}>
        Move…
      </button>
      {open && (
        <ul className="menu-list" ref={menuRef}>
          {options.map((option) => (
            <li key={option.label}>
              <button type="button" disabled={option.disabled} onClick={() => choose(option.to)}>
                {option.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
