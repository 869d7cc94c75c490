/**
 * One projected column: its cards in large type, agency on each, live as people type. A long
 * column first drops to the smaller (still ≥ 24 px) size, then scrolls: "N more below / above"
 * says what is out of view, and the card someone is typing into, or a card just added, is
 * scrolled into view, so nothing is ever clipped without saying so.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { COLUMN_TITLES, type ColumnId, cardBody, cardsMap, readCardMeta } from "../../../shared/board/index.ts";
import { useDocVersion } from "../../collab/useDocVersion.ts";
import { RichTextView } from "../../editor/RichTextView.tsx";

interface ProjectorColumnProps {
  doc: Y.Doc;
  column: ColumnId;
  cardIds: string[];
  agencyName: (id: string) => string;
  /** Cards someone is typing into now. */
  editing: ReadonlySet<string>;
}

/** Ratio of the full card type to the compact one (1.75rem / 1.5rem). */
const FULL_OVER_COMPACT = 1.75 / 1.5;

export function ProjectorColumn({ doc, column, cardIds, agencyName, editing }: ProjectorColumnProps) {
  const list = useRef<HTMLOListElement>(null);
  const [compact, setCompact] = useState(false);
  const [out, setOut] = useState<OutOfView>({ above: 0, below: 0, scrolls: false });
  const headingId = `projector-${column}`;

  // After every render (typing changes heights): pick the type size, then count what is out of view.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const overflowing = element.scrollHeight > element.clientHeight + 1;
    const last = element.lastElementChild as HTMLElement | null;
    const content = last ? last.offsetTop + last.offsetHeight : 0;
    if (!compact && overflowing) setCompact(true);
    // Back to the full size only with room to spare, so the size does not flip to and fro.
    else if (compact && content * FULL_OVER_COMPACT * 1.1 < element.clientHeight) setCompact(false);
    measure(element, setOut);
  });
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const update = () => measure(element, setOut);
    element.addEventListener("scroll", update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(element);
    return () => {
      element.removeEventListener("scroll", update);
      resize.disconnect();
    };
  }, []);

  // Keep in view the card being typed into, else the card just added.
  const previous = useRef(cardIds);
  const typing = cardIds.find((id) => editing.has(id));
  useEffect(() => {
    const added = cardIds.find((id) => !previous.current.includes(id));
    previous.current = cardIds;
    const target = typing ?? added;
    if (!target) return;
    list.current?.querySelector(`[data-card-id="${CSS.escape(target)}"]`)?.scrollIntoView({ block: "nearest" });
  }, [cardIds, typing]);

  return (
    <section className={`projector-column column-${column}${compact ? " compact" : ""}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="projector-column-title">
        {COLUMN_TITLES[column]} <span className="count">({cardIds.length})</span>
      </h2>
      {out.above > 0 && <p className="projector-more above">↑ {out.above} more above</p>}
      <ol
        ref={list}
        className="projector-cards"
        aria-labelledby={headingId}
        // A column that scrolls must be reachable by keyboard to scroll it.
        tabIndex={out.scrolls ? 0 : undefined}
      >
        {cardIds.map((id) => (
          <ProjectorCard key={id} doc={doc} cardId={id} agencyName={agencyName} />
        ))}
        {cardIds.length === 0 && <li className="projector-empty">No cards yet</li>}
      </ol>
      {out.below > 0 && <p className="projector-more below">↓ {out.below} more below</p>}
    </section>
  );
}

interface OutOfView {
  above: number;
  below: number;
  scrolls: boolean;
}

/** Counts the cards (partly) out of view; the list is the cards' offset parent (position: relative). */
function measure(element: HTMLElement, set: (update: (was: OutOfView) => OutOfView) => void): void {
  const top = element.scrollTop;
  const bottom = top + element.clientHeight;
  let above = 0;
  let below = 0;
  for (const card of element.querySelectorAll<HTMLElement>("[data-card-id]")) {
    if (card.offsetTop + card.offsetHeight > bottom + 2) below++;
    else if (card.offsetTop < top - 2) above++;
  }
  const scrolls = element.scrollHeight > element.clientHeight + 1;
  set((was) => (was.above === above && was.below === below && was.scrolls === scrolls ? was : { above, below, scrolls }));
}

function ProjectorCard({ doc, cardId, agencyName }: { doc: Y.Doc; cardId: string; agencyName: (id: string) => string }) {
  useDocVersion(cardsMap(doc).get(cardId));
  const card = readCardMeta(doc, cardId);
  const body = cardBody(doc, cardId);
  if (!card || !body) return null;
  return (
    <li className={card.action ? "projector-card is-action" : "projector-card"} data-card-id={cardId}>
      <span className="projector-agency">{agencyName(card.agency)}</span>
      <div className="rich-text">
        <RichTextView fragment={body} placeholder="(empty card)" />
      </div>
    </li>
  );
}
