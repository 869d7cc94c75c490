/** Commands that create and change audits: the only code that writes audit data. */
import * as Y from "yjs";
import { addCard, addCase, hasCase, initBoard, newId } from "../../shared/board/index.ts";
import type { AuditMeta } from "../../shared/domain/audit.ts";
import type { CreateAuditInput, CreateCardInput, CreateCaseInput } from "../../shared/validation/audit.ts";
import { changeLiveDocument, type LiveBoard } from "../collab/liveDocument.ts";
import type { Store } from "../store/index.ts";
import type { MemberRecord, UserRecord } from "../store/records.ts";
import { resolveAgencies } from "./agencies.ts";
import { DomainError } from "./errors.ts";

/**
 * Creates an audit with `creator` as its chair and stores its first board state. `fill` may add
 * content to the new board before anyone can connect (used for the demo audit).
 */
export async function createAudit(
  store: Store,
  input: CreateAuditInput,
  creator: UserRecord,
  fill?: (doc: Y.Doc) => void,
): Promise<AuditMeta> {
  const meta: AuditMeta = {
    id: newId(),
    title: input.title,
    theme: input.theme,
    meetingDate: input.meetingDate,
    period: input.period,
    selection: input.selection,
    agencies: resolveAgencies(input.agencies),
    createdAt: new Date().toISOString(),
  };
  const chair: MemberRecord = { auditId: meta.id, userId: creator.id, role: "chair", agency: creator.agency, addedAt: meta.createdAt };
  const doc = new Y.Doc();
  initBoard(doc);
  fill?.(doc);
  await store.createAudit(meta, Y.encodeStateAsUpdate(doc), [chair]);
  doc.destroy();
  return meta;
}

export async function addCaseToAudit(board: LiveBoard, auditId: string, input: CreateCaseInput): Promise<string> {
  return changeLiveDocument(board, auditId, (doc) => addCase(doc, input));
}

/**
 * Adds a card written by `author`. Attendees write as their own agency; a chair may record what
 * another taking-part agency said (an absent agency's audit tool return).
 */
export async function addCardToCase(
  board: LiveBoard,
  audit: AuditMeta,
  author: { name: string; member: MemberRecord },
  caseId: string,
  input: CreateCardInput,
): Promise<string> {
  const own = author.member.agency;
  const requested = input.agency ?? own.id;
  const matches = (id: string, name: string) => requested === id || requested.toLowerCase() === name.toLowerCase();
  let agencyId = own.id;
  if (!matches(own.id, own.name)) {
    const other = audit.agencies.find((a) => matches(a.id, a.name));
    if (!other) throw new DomainError(400, `agency: '${requested}' is not taking part in this audit`);
    if (author.member.role !== "chair")
      throw new DomainError(403, `You write as ${own.name}; only the chair can record another agency's card`);
    agencyId = other.id;
  }
  const id = await changeLiveDocument(board, audit.id, (doc) => {
    if (!hasCase(doc, caseId)) return undefined;
    return addCard(doc, { caseId, column: input.column, text: input.text, agency: agencyId, author: author.name });
  });
  if (!id) throw new DomainError(404, `No case with id '${caseId}' in this audit`);
  return id;
}
