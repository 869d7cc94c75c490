/**
 * Open and overdue actions per audit, for the audit list, without loading every board on each
 * list call. Per audit the cache keeps the due dates of the actions still to do (open or in
 * progress); "overdue" is worked out from them at read time, so the counts stay right as days
 * pass without anyone editing. Kept fresh by:
 * - the persistence hook, each time a live board is stored (debounced by Hocuspocus);
 * - REST changes to actions, a freeze (from the freeze snapshot), post-freeze action updates;
 * - a reopening, which forgets the entry (recomputed from the stored board on the next read).
 * An audit not in the cache is computed once from what is stored: the freeze snapshot plus its
 * updates while frozen, the stored Yjs state otherwise. With several nodes, another node's edits
 * and freezes never pass through this one's hooks, so entries then expire after `maxAgeMs`.
 */
import type * as Y from "yjs";
import type { ActionFields } from "../../shared/board/actions.ts";
import { boardFromState, cardMeta, cardsMap, casesMap, concernsMap, readAction, readConcern } from "../../shared/board/index.ts";
import { type ActionUpdate, listActions, todayIso } from "../../shared/domain/actions.ts";
import type { ActionCounts as Counts } from "../../shared/domain/audit.ts";
import type { BoardJson } from "../../shared/domain/board.ts";
import type { Store } from "../store/index.ts";

type DueDates = Array<string | undefined>;

const toDo = (action: Pick<ActionFields, "status">) => action.status === "open" || action.status === "in-progress";

export class ActionCounts {
  private readonly due = new Map<string, { dates: DueDates; at: number }>();
  /** Bumped on every change, so a slow computation never overwrites a newer entry. */
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly maxAgeMs = Number.POSITIVE_INFINITY,
  ) {}

  async counts(auditId: string, today = todayIso()): Promise<Counts> {
    const cached = this.due.get(auditId);
    let due = cached && Date.now() - cached.at <= this.maxAgeMs ? cached.dates : undefined;
    if (!due) {
      const started = this.generation.get(auditId) ?? 0;
      due = await this.compute(auditId);
      if ((this.generation.get(auditId) ?? 0) === started) this.due.set(auditId, { dates: due, at: Date.now() });
    }
    return { open: due.length, overdue: due.filter((date) => date !== undefined && date < today).length };
  }

  /** From a live board: a pass over the cards' action maps, no rich-text walk. */
  fromDocument(auditId: string, doc: Y.Doc): void {
    this.set(auditId, dueDatesOfDocument(doc));
  }

  /** From a frozen board and the progress recorded since the freeze. */
  fromFrozen(auditId: string, board: BoardJson, updates: readonly ActionUpdate[]): void {
    this.set(auditId, dueDatesOfBoard(board, updates));
  }

  forget(auditId: string): void {
    this.bump(auditId);
    this.due.delete(auditId);
  }

  private set(auditId: string, due: DueDates): void {
    this.bump(auditId);
    this.due.set(auditId, { dates: due, at: Date.now() });
  }

  private bump(auditId: string): void {
    this.generation.set(auditId, (this.generation.get(auditId) ?? 0) + 1);
  }

  private async compute(auditId: string): Promise<DueDates> {
    const freeze = await this.store.snapshots.freezeState(auditId);
    if (freeze.frozen && freeze.snapshotId) {
      const snapshot = await this.store.snapshots.get(auditId, freeze.snapshotId);
      if (snapshot) return dueDatesOfBoard(snapshot.content.board, await this.store.snapshots.actionUpdates(auditId, freeze.snapshotId));
    }
    const state = await this.store.loadDocument(auditId);
    if (!state) return [];
    // A board stored under an older schema is read as the server would load it.
    const doc = boardFromState(state);
    try {
      return dueDatesOfDocument(doc);
    } finally {
      doc.destroy();
    }
  }
}

/**
 * The same actions listActions() lists: open immediate safeguarding concerns, and cards of
 * existing cases, in one of the columns.
 */
function dueDatesOfDocument(doc: Y.Doc): DueDates {
  const due: DueDates = [];
  concernsMap(doc).forEach((entry, id) => {
    const concern = readConcern(id, entry);
    if (concern.status === "open") due.push(concern.dueAt.slice(0, 10) || undefined);
  });
  const cases = casesMap(doc);
  cardsMap(doc).forEach((card) => {
    const meta = cardMeta(card);
    if (!meta || !cases.has(meta.caseId)) return;
    const action = readAction(card);
    if (action && toDo(action)) due.push(action.dueDate);
  });
  return due;
}

function dueDatesOfBoard(board: BoardJson, updates: readonly ActionUpdate[]): DueDates {
  return listActions(board, updates)
    .filter(toDo)
    .map((action) => action.dueDate);
}
