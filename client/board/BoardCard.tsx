/**
 * One card: its agency and author, its text (static until edited), and its controls.
 * Keyboard on the focused card: Enter edits; Alt+↑/↓ reorder, Alt+←/→ move to the neighbouring
 * column; the Move… menu does the same.
 */
import { useState } from "react";
import { COLUMN_IDS, COLUMN_TITLES, type ColumnId, cardBody, deleteCard, moveCard, readCardMeta } from "../../shared/board/index.ts";
import { agencyName } from "../../shared/domain/agencies.ts";
import { type PresentPerson, setEditingCard } from "../collab/usePresence.ts";
import { SharedText } from "../editor/SharedText.tsx";
import { useBoard } from "./BoardContext.tsx";
import { CardMoveMenu, type MoveTarget } from "./CardMoveMenu.tsx";

interface BoardCardProps {
  cardId: string;
  column: ColumnId;
  index: number;
  columnLength: number;
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

/** Who else is editing this card, by name and agency (the server's, not what their page claims). */
function CardEditors({ editors }: { editors: PresentPerson[] }) {
  if (editors.length === 0) return null;
  return <p className="card-editors">Editing: {editors.map((p) => `${p.name} (${p.agency})`).join(", ")}</p>;
}

export function BoardCard({ cardId, column, index, columnLength }: BoardCardProps) {
  const { doc, provider, user, audit, editing, setEditing, people, announce, readOnly } = useBoard();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const card = readCardMeta(doc, cardId);
  const body = cardBody(doc, cardId);
  if (!card || !body) return null;

  // A member may write as an agency outside the audit's list: their own is known here.
  const agency = card.agency === user.agencyId ? user.agency : agencyName(audit.agencies, card.agency);
  const rawAuthor = card.author;
  // Scripts stamp cards with the agency's own name; showing it twice adds nothing.
  const author = rawAuthor === agency ? "" : rawAuthor;
  const key = `card:${cardId}`;
  const isEditing = editing === key;
  const editors = people.filter((p) => !p.isMe && p.cardId === cardId);

  const move = (to: MoveTarget) => {
    moveCard(doc, cardId, to);
    const position = to.column === column ? `position ${to.index + 1}` : COLUMN_TITLES[to.column];
    announce(`Card moved to ${position}`);
    focusCard(cardId);
  };

  const startEditing = () => {
    if (readOnly) return;
    setEditing(key);
    setEditingCard(provider, cardId);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (readOnly || event.target !== event.currentTarget) return;
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

  const label = `Card by ${agency}${author ? `, ${author}` : ""}`;
  if (readOnly) {
    return (
      <article className="card" data-card-id={cardId} aria-label={label}>
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
        <CardEditors editors={editors} />
      </article>
    );
  }

  return (
    <article
      className={isEditing ? "card editing" : "card"}
      data-card-id={cardId}
      data-editor-scope
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the focused card takes Enter and Alt+arrow shortcuts.
      tabIndex={0}
      aria-label={label}
      aria-keyshortcuts="Enter Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight"
      draggable={!isEditing}
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
      <CardEditors editors={editors} />
      <footer className="card-actions">
        {!isEditing && (
          <button type="button" aria-label="Edit card text" onClick={startEditing}>
            Edit
          </button>
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
}
