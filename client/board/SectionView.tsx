/**
 * An audit-level section (issues across cases, good practice and evidence, questions for
 * practice): rich text co-edited like a card, static until someone chooses to edit it.
 */
import { SECTION_TITLES, type SectionId, sectionFragment } from "../../shared/board/index.ts";
import { SharedText } from "../editor/SharedText.tsx";
import { useBoard } from "./BoardContext.tsx";

const HINTS: Record<SectionId, string> = {
  acrossCases: "Issues that recur across the cases of this audit: they feed the learning summary.",
  goodPractice: "Good practice seen in the cases and the evidence for it: it goes into the learning summary beside the actions.",
  questions: "Questions for practitioners to discuss in team meetings and supervision.",
};

export function SectionView({ section }: { section: SectionId }) {
  const { doc, provider, user, editing, setEditing, readOnly } = useBoard();
  const key = `section:${section}`;
  const title = SECTION_TITLES[section];
  return (
    <article className="case section" aria-labelledby="section-heading" data-editor-scope>
      <div className="section-heading">
        <h2 id="section-heading">{title}</h2>
        {editing !== key && !readOnly && (
          <button type="button" aria-label={`Edit ${title.toLowerCase()}`} onClick={() => setEditing(key)}>
            Edit
          </button>
        )}
      </div>
      <p className="hint">{HINTS[section]}</p>
      <SharedText
        key={section}
        fragment={sectionFragment(doc, section)}
        provider={provider}
        user={user}
        editing={editing === key}
        readOnly={readOnly}
        onEdit={() => setEditing(key)}
        onDone={() => setEditing(undefined)}
        label={title}
        placeholder={readOnly ? "Nothing recorded yet" : "Nothing recorded yet – click to write"}
      />
    </article>
  );
}
