/**
 * What a fuzz run does: a script of operations drawn from the seed before anything runs, and how
 * each board operation changes one client's replica through the shared board functions.
 * Targets are fractions ("the card 37 % down this replica's list"), resolved against the replica
 * when the operation runs: the script is fixed by the seed, whatever the network does.
 */
import * as Y from "yjs";
import {
  ACTION_STATUSES,
  addCard,
  addCase,
  COLUMN_IDS,
  type ColumnId,
  cardBody,
  cardIdsByCase,
  deleteCard,
  deleteCase,
  moveCard,
  moveCase,
  orderedCaseIds,
  PRIORITIES,
  readCardMeta,
  readThemes,
  setAction,
  setCardText,
  setFragmentText,
  tagCard,
  updateCase,
} from "../../shared/board/index.ts";
import type { Random } from "./random.ts";

/** A card's place, a list position, a target: a fraction in [0, 1) resolved at run time. */
type Fraction = number;

export type BoardOp =
  | { kind: "addCard"; id: string; casePick: Fraction; column: ColumnId; at: Fraction; text: string; spoof: boolean }
  | { kind: "moveCard"; cardPick: Fraction; column: ColumnId; at: Fraction }
  | { kind: "deleteCard"; cardPick: Fraction }
  | { kind: "setText"; cardPick: Fraction; text: string }
  /** Typing inside a paragraph, as the editor does: remove a few characters at a point, insert some. */
  | { kind: "type"; cardPick: Fraction; paragraphPick: Fraction; at: Fraction; remove: number; insert: string; mark?: "bold" | "italic" }
  | { kind: "addCase"; id: string; at: Fraction; label: string }
  | { kind: "moveCase"; casePick: Fraction; at: Fraction }
  | { kind: "renameCase"; casePick: Fraction; label: string }
  | { kind: "deleteCase"; casePick: Fraction }
  | { kind: "tagTheme"; cardPick: Fraction; themePick: Fraction; tagged: boolean }
  | { kind: "setAction"; cardPick: Fraction; change: Parameters<typeof setAction>[2] };

/**
 * The client's connection: `drop` closes it (abruptly: the socket dies and the provider reconnects
 * by itself). `everyoneLeaves` disconnects every client for `awayMs`, so the server unloads the
 * board (compacting its log) and loads it from disk again while offline clients still hold edits.
 */
export type NetworkOp = { kind: "drop"; abrupt: boolean } | { kind: "reconnect" } | { kind: "everyoneLeaves"; awayMs: number };

/** A card added over REST as the client's person (a direct-connection write on the server). */
export type RestOp = { kind: "restAddCard"; casePick: Fraction; column: ColumnId; text: string };

const NOT_BOARD_OPS: ReadonlySet<FuzzOp["kind"]> = new Set(["drop", "reconnect", "everyoneLeaves", "restAddCard"]);

/** Whether the step edits the client's own replica (as opposed to its connection, or REST). */
export function isBoardOp(op: FuzzOp): op is BoardOp & { client: number; gapMs: number } {
  return !NOT_BOARD_OPS.has(op.kind);
}

/** One step of the script: what `client` does after waiting `gapMs` (0: in the same tick as the step before). */
export type FuzzOp = (BoardOp | NetworkOp | RestOp) & { client: number; gapMs: number };

const WEIGHTS = {
  addCard: 16,
  moveCard: 12,
  deleteCard: 5,
  setText: 6,
  type: 22,
  addCase: 3,
  moveCase: 4,
  renameCase: 2,
  deleteCase: 1,
  tagTheme: 5,
  setAction: 5,
  restAddCard: 2,
  drop: 5,
  reconnect: 5,
  everyoneLeaves: 1,
} as const satisfies Record<FuzzOp["kind"], number>;

/** Plain words, accents and characters outside the BMP (two UTF-16 units each). */
const WORDS = [
  "school",
  "visit",
  "referral",
  "strategy",
  "core group",
  "health",
  "plan",
  "risk",
  "voice of the child",
  "missed",
  "escalated",
  "chronology",
  "home",
  "attendance",
  "café",
  "naïve",
  "👶",
  "✓",
  "—",
  "🏫",
];

export interface ScriptShape {
  clients: number;
  ops: number;
  /** Agency ids of the audit (action owners). */
  agencies: readonly string[];
}

/** Draws the whole script from `random`. Which clients are offline is script state, so it is reproducible too. */
export function planScript(random: Random, shape: ScriptShape): FuzzOp[] {
  const offline = new Set<number>();
  const script: FuzzOp[] = [];
  while (script.length < shape.ops) {
    const kind = random.weighted(WEIGHTS);
    const gapMs = random.chance(0.55) ? 0 : random.chance(0.8) ? random.int(1, 15) : random.int(20, 120);
    if (kind === "reconnect") {
      if (offline.size === 0) continue;
      const client = random.pick(sorted(offline));
      offline.delete(client);
      script.push({ kind, client, gapMs });
      continue;
    }
    // Offline clients edit more often than their share, so their merges are well exercised.
    const client = offline.size > 0 && random.chance(0.35) ? random.pick(sorted(offline)) : random.int(0, shape.clients - 1);
    if (kind === "drop") {
      // Never take the last online client away, so there is always someone editing live.
      const abrupt = random.chance(0.5) || offline.size >= shape.clients - 1 || offline.has(client);
      if (!abrupt) offline.add(client);
      script.push({ kind, abrupt, client, gapMs });
      continue;
    }
    if (kind === "everyoneLeaves") {
      script.push({ kind, awayMs: random.int(50, 300), client: 0, gapMs });
      continue;
    }
    if (kind === "restAddCard") {
      script.push({ kind, casePick: random.fraction(), column: random.pick(COLUMN_IDS), text: sentence(random), client, gapMs });
      continue;
    }
    script.push({ ...planBoardOp(random, kind, shape), client, gapMs });
  }
  return script;
}

function sorted(numbers: Set<number>): number[] {
  return [...numbers].sort((a, b) => a - b);
}

function planBoardOp(random: Random, kind: BoardOp["kind"], shape: ScriptShape): BoardOp {
  switch (kind) {
    case "addCard":
      return {
        kind,
        id: random.id(),
        casePick: random.fraction(),
        column: random.pick(COLUMN_IDS),
        at: random.fraction(),
        text: random.chance(0.15) ? "" : sentence(random),
        spoof: random.chance(0.3),
      };
    case "moveCard":
      return { kind, cardPick: random.fraction(), column: random.pick(COLUMN_IDS), at: random.fraction() };
    case "deleteCard":
      return { kind, cardPick: random.fraction() };
    case "setText":
      return { kind, cardPick: random.fraction(), text: random.chance(0.1) ? "" : sentence(random) };
    case "type":
      return {
        kind,
        cardPick: random.fraction(),
        paragraphPick: random.fraction(),
        at: random.fraction(),
        remove: random.chance(0.7) ? 0 : random.int(1, 4),
        // One keystroke is one code point: half an emoji would be a lone surrogate, which Yjs sends as U+FFFD.
        insert: random.chance(0.5) ? random.pick(WORDS) : Array.from(random.pick(WORDS))[0],
        mark: random.chance(0.15) ? random.pick(["bold", "italic"] as const) : undefined,
      };
    case "addCase":
      return { kind, id: random.id(), at: random.fraction(), label: `Case ${random.int(1, 99)}` };
    case "moveCase":
      return { kind, casePick: random.fraction(), at: random.fraction() };
    case "renameCase":
      return { kind, casePick: random.fraction(), label: `Case ${random.int(1, 99)}` };
    case "deleteCase":
      return { kind, casePick: random.fraction() };
    case "tagTheme":
      return { kind, cardPick: random.fraction(), themePick: random.fraction(), tagged: random.chance(0.7) };
    case "setAction":
      return { kind, cardPick: random.fraction(), change: actionChange(random, shape.agencies) };
  }
}

/** One field of an action, as a person fills in one control at a time. */
function actionChange(random: Random, agencies: readonly string[]): Parameters<typeof setAction>[2] {
  switch (random.int(0, 4)) {
    case 0:
      return { ownerAgency: random.pick(agencies) };
    case 1:
      return { lead: `Lead ${random.pick(["A", "B", "C"])}` };
    case 2:
      return { dueDate: `2026-0${random.int(1, 9)}-1${random.int(0, 9)}` };
    case 3:
      return { priority: random.pick(PRIORITIES) };
    default:
      return { status: random.pick(ACTION_STATUSES) };
  }
}

/** A few words; sometimes two lines (two paragraphs). */
function sentence(random: Random): string {
  const words = Array.from({ length: random.int(1, 5) }, () => random.pick(WORDS));
  if (words.length > 2 && random.chance(0.2)) words.splice(random.int(1, words.length - 1), 0, "\n");
  return words.join(" ").replace(/ ?\n ?/g, "\n");
}

/** What every replica must show at the end: adds and deletes the clients' own replicas saw happen. */
export interface Ledger {
  /** Card id → its case, for every card added (over the socket or REST). */
  cards: Map<string, string>;
  cases: Set<string>;
  deletedCards: Set<string>;
  deletedCases: Set<string>;
  /** Cases made over REST at the start: never deleted, so REST writes always have a target. */
  initialCases: Set<string>;
}

export function newLedger(initialCases: readonly string[]): Ledger {
  return {
    cards: new Map(),
    cases: new Set(initialCases),
    deletedCards: new Set(),
    deletedCases: new Set(),
    initialCases: new Set(initialCases),
  };
}

/** Who a client's person is; `spoof` cards claim someone else (the server must stamp the truth). */
export interface Writer {
  name: string;
  agency: string;
}

function choose<T>(items: readonly T[], pick: Fraction): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(pick * items.length)];
}

/** A position among `length` items (0..length). */
function position(length: number, at: Fraction): number {
  return Math.floor(at * (length + 1));
}

/** Cards a person can see on this replica (cards of existing cases), in board order. */
export function visibleCards(doc: Y.Doc): string[] {
  const byCase = cardIdsByCase(doc);
  return orderedCaseIds(doc).flatMap(({ id }) => {
    const columns = byCase.get(id);
    return columns ? COLUMN_IDS.flatMap((column) => columns[column]) : [];
  });
}

/** Resolves a REST op's case on `doc`: one of the cases made at the start. */
export function restCase(doc: Y.Doc, ledger: Ledger, pick: Fraction): string | undefined {
  return choose(
    orderedCaseIds(doc)
      .map((c) => c.id)
      .filter((id) => ledger.initialCases.has(id)),
    pick,
  );
}

/** Applies one board operation to `doc`; false when the replica had nothing to apply it to. */
export function applyBoardOp(doc: Y.Doc, op: BoardOp, writer: Writer, ledger: Ledger): boolean {
  const caseIds = orderedCaseIds(doc).map((c) => c.id);
  const cardId = "cardPick" in op ? choose(visibleCards(doc), op.cardPick) : undefined;
  switch (op.kind) {
    case "addCard": {
      const caseId = choose(caseIds, op.casePick);
      if (!caseId) return false;
      const index = position(cardIdsByCase(doc).get(caseId)?.[op.column].length ?? 0, op.at);
      const claimed = op.spoof ? { author: "Someone else", agency: "spoofed-agency" } : { author: writer.name, agency: writer.agency };
      addCard(doc, { caseId, column: op.column, text: op.text, index, ...claimed }, { id: op.id });
      ledger.cards.set(op.id, caseId);
      return true;
    }
    case "moveCard": {
      if (!cardId) return false;
      const caseId = readCardMeta(doc, cardId)?.caseId;
      const others =
        (caseId &&
          cardIdsByCase(doc)
            .get(caseId)
            ?.[op.column].filter((id) => id !== cardId)) ||
        [];
      return moveCard(doc, cardId, { column: op.column, index: position(others.length, op.at) });
    }
    case "deleteCard":
      if (!cardId || !deleteCard(doc, cardId)) return false;
      ledger.deletedCards.add(cardId);
      return true;
    case "setText":
      return !!cardId && setCardText(doc, cardId, op.text);
    case "type":
      return !!cardId && typeInCard(doc, cardId, op);
    case "addCase":
      addCase(doc, { label: op.label }, { id: op.id, index: position(caseIds.length, op.at) });
      ledger.cases.add(op.id);
      return true;
    case "moveCase": {
      const caseId = choose(caseIds, op.casePick);
      return !!caseId && moveCase(doc, caseId, position(caseIds.length - 1, op.at));
    }
    case "renameCase": {
      const caseId = choose(caseIds, op.casePick);
      return !!caseId && updateCase(doc, caseId, { label: op.label });
    }
    case "deleteCase": {
      const caseId = choose(
        caseIds.filter((id) => !ledger.initialCases.has(id)),
        op.casePick,
      );
      if (!caseId) return false;
      const columns = cardIdsByCase(doc).get(caseId);
      for (const id of columns ? COLUMN_IDS.flatMap((column) => columns[column]) : []) ledger.deletedCards.add(id);
      ledger.deletedCases.add(caseId);
      return deleteCase(doc, caseId);
    }
    case "tagTheme": {
      const theme = choose(readThemes(doc), op.themePick);
      return !!cardId && !!theme && tagCard(doc, cardId, theme.id, op.tagged);
    }
    case "setAction":
      return !!cardId && setAction(doc, cardId, op.change);
  }
}

/**
 * Types into a card's text the way the editor (y-prosemirror) writes it: characters removed and
 * inserted inside one paragraph's Y.XmlText, formatting as attributes. The shared functions only
 * replace whole texts, so this is the one place the fuzz writes rich text itself. Positions never
 * fall inside a surrogate pair (an editor's caret cannot be there).
 */
function typeInCard(doc: Y.Doc, cardId: string, op: Extract<BoardOp, { kind: "type" }>): boolean {
  const body = cardBody(doc, cardId);
  if (!body) return false;
  doc.transact(() => {
    const paragraphs = body.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
    const paragraph = choose(paragraphs, op.paragraphPick);
    if (!paragraph) {
      setFragmentText(body, op.insert);
      return;
    }
    let text = paragraph.toArray().find((node): node is Y.XmlText => node instanceof Y.XmlText);
    if (!text) {
      text = new Y.XmlText();
      paragraph.insert(0, [text]);
    }
    const plain = text
      .toDelta()
      .map((part: { insert?: unknown }) => (typeof part.insert === "string" ? part.insert : ""))
      .join("");
    const at = codePointBoundary(plain, position(plain.length, op.at));
    const end = codePointBoundary(plain, Math.min(plain.length, at + op.remove));
    if (end > at) text.delete(at, end - at);
    // Without a mark the new text takes the formatting around it, as typing does.
    text.insert(at, op.insert, op.mark ? { [op.mark]: {} } : undefined);
  });
  return true;
}

/** `index`, moved back by one when it would split a surrogate pair. */
function codePointBoundary(text: string, index: number): number {
  const unit = text.charCodeAt(index - 1);
  return index > 0 && unit >= 0xd800 && unit <= 0xdbff ? index - 1 : index;
}
