/** The selected case: details, its immediate concerns, the three columns, and free case notes. */
import { useEffect } from "react";
import { COLUMN_IDS, caseNotes } from "../../shared/board/index.ts";
import { SharedText } from "../editor/SharedText.tsx";
import { BoardColumn } from "./BoardColumn.tsx";
import { useBoard } from "./BoardContext.tsx";
import { CaseDetails } from "./CaseDetails.tsx";
import { CaseConcernsArea } from "./concerns/CaseConcernsArea.tsx";
import type { AgendaCase } from "./selectors.ts";

/** `focusCardId`: a card to bring into view and focus (a link from the action plan). */
export function CaseView({ item, focusCardId }: { item: AgendaCase; focusCardId?: string }) {
  const { doc, provider, user, editing, setEditing, readOnly } = useBoard();
  useEffect(() => {
    if (!focusCardId) return;
    let card: HTMLElement | null = null;
    // Marked for a few seconds: after a mouse click the focus ring alone may not show.
    const frame = requestAnimationFrame(() => {
      card = document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(focusCardId)}"]`);
      card?.scrollIntoView({ block: "center" });
      card?.focus({ preventScroll: true });
      card?.setAttribute("data-targeted", "");
    });
    const unmark = setTimeout(() => card?.removeAttribute("data-targeted"), 4000);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(unmark);
      card?.removeAttribute("data-targeted");
    };
  }, [focusCardId]);
  const notes = caseNotes(doc, item.id);
  const notesKey = `notes:${item.id}`;
  return (
    <article className="case" aria-labelledby="case-heading">
      <CaseDetails item={item} />
      <CaseConcernsArea caseId={item.id} caseLabel={item.label} />
      <div className="columns">
        {COLUMN_IDS.map((column) => (
          <BoardColumn key={column} caseId={item.id} column={column} cardIds={item.columns[column]} />
        ))}
      </div>
      {notes && (
        <section className="case-notes" aria-labelledby="notes-heading" data-editor-scope>
          <div className="section-heading">
            <h3 id="notes-heading">Case notes</h3>
            {editing !== notesKey && !readOnly && (
              <button type="button" aria-label="Edit case notes" onClick={() => setEditing(notesKey)}>
                Edit
              </button>
            )}
          </div>
          <SharedText
            fragment={notes}
            provider={provider}
            user={user}
            editing={editing === notesKey}
            readOnly={readOnly}
            onEdit={() => setEditing(notesKey)}
            onDone={() => setEditing(undefined)}
            label="Case notes"
            placeholder={readOnly ? "No notes yet" : "No notes yet – click to write"}
          />
        </section>
      )}
    </article>
  );
}
