/** Issues identified across multiple cases: audit-level rich text, co-edited like a card. */
import { SECTION_TITLES, sectionFragment } from "../../shared/board/index.ts";
import { SharedText } from "../editor/SharedText.tsx";
import { useBoard } from "./BoardContext.tsx";

export function AcrossCasesView() {
  const { doc, provider, user, editing, setEditing, readOnly } = useBoard();
  const key = "section:acrossCases";
  return (
    <article className="case section" aria-labelledby="section-heading" data-editor-scope>
      <div className="section-heading">
        <h2 id="section-heading">{SECTION_TITLES.acrossCases}</h2>
        {editing !== key && !readOnly && (
          <button type="button" aria-label={`Edit ${SECTION_TITLES.acrossCases.toLowerCase()}`} onClick={() => setEditing(key)}>
            Edit
          </button>
        )}
      </div>
      <p className="hint">Issues that recur across the cases of this audit: they feed the learning summary.</p>
      <SharedText
        fragment={sectionFragment(doc, "acrossCases")}
        provider={provider}
        user={user}
        editing={editing === key}
        readOnly={readOnly}
        onEdit={() => setEditing(key)}
        onDone={() => setEditing(undefined)}
        label={SECTION_TITLES.acrossCases}
        placeholder={readOnly ? "Nothing recorded yet" : "Nothing recorded yet – click to write"}
      />
    </article>
  );
}
