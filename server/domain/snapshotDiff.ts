/**
 * What changed between two snapshots, per case and column. Cards are matched by id across the
 * whole board: a card only in `to` is added, only in `from` removed, and in both with different
 * plain text, column or case is changed (listed where it is in `to`). A case only in one of them
 * is added or removed with all its cards. Pure: no I/O.
 */
import { COLUMN_IDS, type ColumnId } from "../../shared/board/schema.ts";
import type { BoardJson, CardJson, CaseJson } from "../../shared/domain/board.ts";
import type { SnapshotDiff, SnapshotJson, SnapshotMeta } from "../../shared/domain/snapshot.ts";

type CaseDiff = SnapshotDiff["cases"][number];
type ColumnDiff = CaseDiff["columns"][string];

interface Placed {
  card: CardJson;
  caseId: string;
  column: ColumnId;
}

function placedCards(board: BoardJson): Map<string, Placed> {
  const cards = new Map<string, Placed>();
  for (const c of board.cases) {
    for (const column of COLUMN_IDS) for (const card of c.columns[column]) cards.set(card.id, { card, caseId: c.id, column });
  }
  return cards;
}

function emptyColumns(): Record<ColumnId, ColumnDiff> {
  const columns = {} as Record<ColumnId, ColumnDiff>;
  for (const column of COLUMN_IDS) columns[column] = { added: [], removed: [], changed: [] };
  return columns;
}

const brief = (card: CardJson) => ({ id: card.id, text: card.text, agency: card.agency });

export function diffBoards(from: BoardJson, to: BoardJson): SnapshotDiff["cases"] {
  const before = placedCards(from);
  const after = placedCards(to);
  const fromCases = new Map(from.cases.map((c) => [c.id, c]));
  const toCases = new Map(to.cases.map((c) => [c.id, c]));
  // Agenda order of `to`, then cases that are gone, in their old order.
  const cases: CaseJson[] = [...to.cases, ...from.cases.filter((c) => !toCases.has(c.id))];
  const result = new Map<string, CaseDiff>(
    cases.map((c) => [
      c.id,
      {
        caseId: c.id,
        label: c.label,
        change: !fromCases.has(c.id) ? "added" : !toCases.has(c.id) ? "removed" : "same",
        columns: emptyColumns(),
      },
    ]),
  );

  for (const [id, now] of after) {
    const then = before.get(id);
    const columns = (result.get(now.caseId) as CaseDiff).columns;
    if (!then) columns[now.column].added.push(brief(now.card));
    else if (then.card.text !== now.card.text || then.column !== now.column || then.caseId !== now.caseId) {
      columns[now.column].changed.push({ id, before: then.card.text, after: now.card.text, agency: now.card.agency });
    }
  }
  for (const [id, then] of before) {
    if (!after.has(id)) (result.get(then.caseId) as CaseDiff).columns[then.column].removed.push(brief(then.card));
  }

  for (const entry of result.values()) {
    const touched = Object.values(entry.columns).some((col) => col.added.length + col.removed.length + col.changed.length > 0);
    if (entry.change === "same" && touched) entry.change = "changed";
  }
  return [...result.values()];
}

export function diffSnapshots(from: SnapshotJson, to: SnapshotJson): SnapshotDiff {
  const meta = ({ content: _, ...rest }: SnapshotJson): SnapshotMeta => rest;
  return { from: meta(from), to: meta(to), cases: diffBoards(from.content.board, to.content.board) };
}
