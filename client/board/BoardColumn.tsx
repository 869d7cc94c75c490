/** One of the three columns of a case: its cards in order, a drop zone, and "Add card". */
import { useState } from "react";
import { COLUMN_TITLES, type ColumnId, moveCard, readCardMeta } from "../../shared/board/index.ts";
import { addCardAndEdit } from "./addCardAndEdit.ts";
import { BoardCard, focusCard } from "./BoardCard.tsx";
import { useBoard } from "./BoardContext.tsx";

/** The single key (see shortcuts) that adds a card to each column. */
const COLUMN_IDS_INDEX: Record<ColumnId, number> = { workingWell: 1, worried: 2, needsToHappen: 3 };

interface BoardColumnProps {
  caseId: string;
  column: ColumnId;
  cardIds: string[];
}

export function BoardColumn({ caseId, column, cardIds }: BoardColumnProps) {
  const { doc, user, setEditing, agencyFilter, announce, readOnly, editing, people } = useBoard();
  const [dropIndex, setDropIndex] = useState<number>();
  const title = COLUMN_TITLES[column];
  const headingId = `column-${column}`;
  const shown = agencyFilter ? cardIds.filter((id) => readCardMeta(doc, id)?.agency === agencyFilter) : cardIds;
  const hidden = cardIds.length - shown.length;
  const editorsOf = (cardId: string) =>
    people
      .filter((p) => !p.isMe && p.cardId === cardId)
      .map((p) => `${p.name} (${p.agency})`)
      .join(", ");

  const add = () => addCardAndEdit({ doc, user, setEditing, announce }, caseId, column);

  /** Index in the full column for a drop before the shown card at `shownIndex`. */
  const fullIndex = (shownIndex: number) => (shownIndex < shown.length ? cardIds.indexOf(shown[shownIndex]) : cardIds.length);

  return (
    <section
      className={`column column-${column}`}
      aria-labelledby={headingId}
      onDragOver={(event) => {
        if (readOnly || !event.dataTransfer.types.includes("application/x-maca-card")) return;
        event.preventDefault();
        const items = [...event.currentTarget.querySelectorAll<HTMLElement>("[data-card-id]")];
        const before = items.findIndex((item) => event.clientY < item.getBoundingClientRect().top + item.offsetHeight / 2);
        setDropIndex(before === -1 ? items.length : before);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropIndex(undefined);
      }}
      onDrop={(event) => {
        const cardId = event.dataTransfer.getData("application/x-maca-card");
        const at = dropIndex ?? shown.length;
        setDropIndex(undefined);
        if (!cardId || readOnly) return;
        event.preventDefault();
        const from = cardIds.indexOf(cardId);
        let index = fullIndex(at);
        if (from !== -1 && from < index) index -= 1;
        moveCard(doc, cardId, { column, index });
        focusCard(cardId);
      }}
    >
      <h3 id={headingId} className="column-title">
        {title} <span className="count">({cardIds.length})</span>
      </h3>
      <ol className="card-list">
        {shown.map((cardId, i) => (
          <li key={cardId} className={dropIndex === i ? "drop-before" : undefined}>
            <BoardCard
              cardId={cardId}
              column={column}
              index={cardIds.indexOf(cardId)}
              columnLength={cardIds.length}
              isEditing={editing === `card:${cardId}`}
              editors={editorsOf(cardId)}
            />
          </li>
        ))}
        {dropIndex === shown.length && <li className="drop-end" aria-hidden="true" />}
      </ol>
      {hidden > 0 && (
        <p className="hint">{hidden === 1 ? "1 card hidden by the agency filter" : `${hidden} cards hidden by the agency filter`}</p>
      )}
      {!readOnly && (
        <button type="button" className="add-card" onClick={add} aria-keyshortcuts={String(COLUMN_IDS_INDEX[column])}>
          Add card to {title}
        </button>
      )}
    </section>
  );
}
