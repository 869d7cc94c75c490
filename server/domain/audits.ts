/** Commands that create and change audits: the only code that writes audit data. */
import type { Hocuspocus } from "@hocuspocus/server";
import * as Y from "yjs";
import { addCard, addCase, hasCase, initBoard, newId } from "../../shared/board/index.ts";
import { type Agency, agencySlug, DEFAULT_AGENCIES } from "../../shared/domain/agencies.ts";
import type { AuditMeta } from "../../shared/domain/audit.ts";
import type { CreateAuditInput, CreateCardInput, CreateCaseInput } from "../../shared/validation/audit.ts";
import { changeLiveDocument } from "../collab/liveDocument.ts";
import type { Store } from "../store/index.ts";

/** A request that names something that does not exist or does not fit; becomes a 4xx. */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

/** Known agency ids map to the default list; any other entry is a further agency by name. */
export function resolveAgencies(entries: readonly string[] | undefined): Agency[] {
  if (!entries || entries.length === 0) return [...DEFAULT_AGENCIES];
  const agencies = new Map<string, Agency>();
  for (const entry of entries) {
    const known = DEFAULT_AGENCIES.find((a) => a.id === entry || a.name.toLowerCase() === entry.toLowerCase());
    const agency = known ?? { id: agencySlug(entry), name: entry };
    if (agency.id) agencies.set(agency.id, agency);
  }
  return [...agencies.values()];
}

/**
 * Creates an audit and stores its first board state. `fill` may add content to the new board
 * before anyone can connect (used for the demo audit).
 */
export async function createAudit(store: Store, input: CreateAuditInput, fill?: (doc: Y.Doc) => void): Promise<AuditMeta> {
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
  const doc = new Y.Doc();
  initBoard(doc);
  fill?.(doc);
  await store.createAudit(meta, Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return meta;
}

export async function requireAudit(store: Store, auditId: string): Promise<AuditMeta> {
  const audit = await store.getAudit(auditId);
  if (!audit) throw new DomainError(404, `No audit with id '${auditId}'`);
  return audit;
}

export async function addCaseToAudit(store: Store, hocuspocus: Hocuspocus, auditId: string, input: CreateCaseInput): Promise<string> {
  await requireAudit(store, auditId);
  return changeLiveDocument(hocuspocus, auditId, (doc) => addCase(doc, input));
}

export async function addCardToCase(
  store: Store,
  hocuspocus: Hocuspocus,
  auditId: string,
  caseId: string,
  input: CreateCardInput,
): Promise<string> {
  const audit = await requireAudit(store, auditId);
  const agency = audit.agencies.find((a) => a.id === input.agency || a.name === input.agency);
  if (!agency) throw new DomainError(400, `agency: '${input.agency}' is not taking part in this audit`);
  const id = await changeLiveDocument(hocuspocus, auditId, (doc) => {
    if (!hasCase(doc, caseId)) return undefined;
    return addCard(doc, { caseId, column: input.column, text: input.text, agency: agency.id, author: input.author ?? agency.name });
  });
  if (!id) throw new DomainError(404, `No case with id '${caseId}' in this audit`);
  return id;
}
