/**
 * One card: its agency and author, its text (static until edited), its themes, its action (on
 * "What needs to happen" cards), and its controls.
 * Keyboard on the focused card: Enter edits; Alt+↑/↓ reorder, Alt+←/→ move to the neighbouring
 * column; the Move… menu does the same.
 *
 * A card re-renders when its own entry in the document changes, when the theme list changes, or
 * when its props do (who edits it, its place): never because another card changed.
 */
import { memo, useRef, useState } from "react";
import {
  COLUMN_IDS,
  COLUMN_TITLES,
  type ColumnId,
  cardBody,
  cardsMap,
  deleteCard,
  moveCard,
  readCardMeta,
  setAction,
} from "../../shared/board/index.ts";
import { useDocVersion } from "../collab/useDocVersion.ts";
import { setEditingCard } from "../collab/usePresence.ts";
import { SharedText } from "../editor/SharedText.tsx";
import { ActionForm } from "./actions/ActionForm.tsx";
import { ActionSummary } from "./actions/ActionSummary.tsx";
import { agencyLabel } from "./agencyNames.ts";
import { useBoardStatic } from "./BoardContext.tsx";
import { CardMoveMenu, type MoveTarget } from "./CardMoveMenu.tsx";
import { ThemeChips } from "./themes/ThemeChips.tsx";
import { ThemeMenu } from "./themes/ThemeMenu.tsx";
import { useThemes } from "./themes/useThemes.ts";

interface BoardCardProps {
  cardId: string;
  column: ColumnId;
  index: number;
  columnLength: number;
  /** This person is editing the card's text. */
  isEditing: boolean;
  /** Who else is editing it, "Name (Agency)" joined; "" for nobody. */
  editors: string;
}

/** Puts focus back on a card after it moved (it re-renders in its new place). */
export function focusCard(cardId: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-card-id="${cardId}"]`)?.focus());
}

function CardMeta({ agency, author }: { agency: string; author: string }) {
  return (
    <header className="card-meta">
      <span className="agency-badge">{agency}</span>
      {author && <span className="card-author">{author}</span>}
    </header>
  );
}

export const BoardCard = memo(function BoardCard({ cardId, column, index, columnLength, isEditing, editors }: BoardCardProps) {
  const { doc, provider, user, audit, setEditing, announce, readOnly } = useBoardStatic();
  useDocVersion(cardsMap(doc).get(cardId));
  const themes = useThemes(doc);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [themesOpen, setThemesOpen] = useState(false);
  const detailsButton = useRef<HTMLButtonElement>(null);
  const card = readCardMeta(doc, cardId);
  const body = cardBody(doc, cardId);
  if (!card || !body) return null;

  // A member may write as an agency outside the audit's list: their own is known here.
  const agency = agencyLabel(audit, user, card.agency);
  // Scripts stamp cards with the agency's own name; showing it twice adds nothing.
  const author = card.author === agency ? "" : card.author;
  const action = card.action;
  const ownerName = action?.ownerAgency ? agencyLabel(audit, user, action.ownerAgency) : undefined;
  const key = `card:${cardId}`;
  const label = `${action ? "Action card" : "Card"} by ${agency}${author ? `, ${author}` : ""}`;
  const extras = (
    <>
      <ThemeChips ids={card.themes} themes={themes} />
      {action && <ActionSummary action={action} ownerName={ownerName} brief={detailsOpen && !readOnly} />}
      {editors && <p className="card-editors">Editing: {editors}</p>}
    </>
  );

  if (readOnly) {
    return (
      <article className={action ? "card is-action" : "card"} data-card-id={cardId} aria-label={label} tabIndex={-1}>
        <CardMeta agency={agency} author={author} />
        <SharedText
          fragment={body}
          provider={provider}
          user={user}
          editing={false}
          readOnly
          onEdit={() => {}}
          onDone={() => {}}
          label="Card text"
        />
        {extras}
      </article>
    );
  }

  const move = (to: MoveTarget) => {
    moveCard(doc, cardId, to);
    const position = to.column === column ? `position ${to.index + 1}` : COLUMN_TITLES[to.column];
    announce(`Card moved to ${position}`);
    focusCard(cardId);
  };

  const startEditing = () => {
    setEditing(key);
    setEditingCard(provider, cardId);
  };

  const closeDetails = () => {
    setDetailsOpen(false);
    requestAnimationFrame(() => detailsButton.current?.focus());
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === "Enter" && !event.altKey && !isEditing) {
      event.preventDefault();
      startEditing();
      return;
    }
    if (!event.altKey) return;
    const columnIndex = COLUMN_IDS.indexOf(column);
    if (event.key === "ArrowUp" && index > 0) move({ column, index: index - 1 });
    else if (event.key === "ArrowDown" && index < columnLength - 1) move({ column, index: index + 1 });
    else if (event.key === "ArrowLeft" && columnIndex > 0) move({ column: COLUMN_IDS[columnIndex - 1], index: Number.MAX_SAFE_INTEGER });
    else if (event.key === "ArrowRight" && columnIndex < COLUMN_IDS.length - 1)
      move({ column: COLUMN_IDS[columnIndex + 1], index: Number.MAX_SAFE_INTEGER });
    else return;
    event.preventDefault();
  };

  const classes = ["card", isEditing && "editing", action && "is-action"].filter(Boolean).join(" ");
  return (
    <article
      className={classes}
      data-card-id={cardId}
      data-editor-scope
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the focused card takes Enter and Alt+arrow shortcuts.
      tabIndex={0}
      aria-label={label}
      aria-keyshortcuts="Enter Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight"
      // Not while a form or checklist is open: dragging would fight text selection in its fields.
      draggable={!isEditing && !detailsOpen && !themesOpen}
      onDragStart={(event) => {
        event.dataTransfer.setData("application/x-maca-card", cardId);
        event.dataTransfer.effectAllowed = "move";
      }}
      onKeyDown={onKeyDown}
    >
      <CardMeta agency={agency} author={author} />
      <SharedText
        fragment={body}
        provider={provider}
        user={user}
        editing={isEditing}
        onEdit={startEditing}
        onDone={() => {
          setEditing(undefined);
          setEditingCard(provider, undefined);
        }}
        label="Card text"
        placeholder="Empty card – click to write"
      />
      {extras}
      {action && detailsOpen && <ActionForm cardId={cardId} caseId={card.caseId} onClose={closeDetails} />}
      <footer className="card-actions">
        {!isEditing && (
          <button type="button" aria-label="Edit card text" onClick={startEditing}>
            Edit
          </button>
        )}
        <ThemeMenu cardId={cardId} onOpenChange={setThemesOpen} />
        {action ? (
          <button
            ref={detailsButton}
            type="button"
            aria-expanded={detailsOpen}
            onClick={() => (detailsOpen ? closeDetails() : setDetailsOpen(true))}
          >
            Action details
          </button>
        ) : (
          column === "needsToHappen" && (
            <button
              ref={detailsButton}
              type="button"
              onClick={() => {
                setAction(doc, cardId, {});
                setDetailsOpen(true);
                announce("Card made an action: fill in its owner agency and due date");
              }}
            >
              Make action
            </button>
          )
        )}
        <CardMoveMenu column={column} index={index} columnLength={columnLength} onMove={move} />
        {confirmDelete ? (
          <>
            <button
              type="button"
              className="danger"
              onClick={() => {
                deleteCard(doc, cardId);
                announce("Card deleted");
              }}
            >
              Confirm delete
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmDelete(true)}>
            Delete
          </button>
        )}
      </footer>
    </article>
  );
});
