/**
 * The action plan: listed from the live board until the freeze, then from the freeze snapshot
 * with the progress owners record beside it (the frozen copy never changes). Changing an action
 * before the freeze changes the live board; after it, appends an ActionUpdate.
 */
import { type ConcernStatus, cardsMap, concernsMap, readAction, readBoard, setAction, updateConcern } from "../../shared/board/index.ts";
import type { ActionStatus } from "../../shared/board/schema.ts";
import { type ActionUpdate, type ActionView, listActions } from "../../shared/domain/actions.ts";
import type { AuditMeta } from "../../shared/domain/audit.ts";
import type { BoardJson } from "../../shared/domain/board.ts";
import type { ActionPatchInput, ActionsQuery } from "../../shared/validation/snapshot.ts";
import { changeLiveDocument, readLiveDocument } from "../collab/liveDocument.ts";
import type { Services } from "../services.ts";
import type { MemberRecord, UserRecord } from "../store/records.ts";
import { DomainError } from "./errors.ts";

type PlanDeps = Pick<Services, "hocuspocus" | "durability" | "store" | "gate" | "counts">;

export interface PlanSource {
  board: BoardJson;
  updates: ActionUpdate[];
  /** The freeze snapshot the plan comes from, while frozen. */
  snapshotId?: string;
}

export async function planSource({ hocuspocus, store }: PlanDeps, auditId: string): Promise<PlanSource> {
  const freeze = await store.snapshots.freezeState(auditId);
  if (freeze.frozen && freeze.snapshotId) {
    const snapshot = await store.snapshots.get(auditId, freeze.snapshotId);
    if (!snapshot) throw new Error(`The freeze snapshot ${freeze.snapshotId} of ${auditId} is missing`);
    return { board: snapshot.content.board, updates: await store.snapshots.actionUpdates(auditId, snapshot.id), snapshotId: snapshot.id };
  }
  return { board: await readLiveDocument(hocuspocus, auditId, (doc) => readBoard(doc)), updates: [] };
}

/** Whether `agency` (an id or a name, as a filter or a member's agency) is the action's owner. */
function ownedBy(action: ActionView, audit: AuditMeta, agency: { id?: string; name: string }): boolean {
  const owner = action.ownerAgency;
  if (!owner) return false;
  const lower = (text: string) => text.trim().toLowerCase();
  const named = audit.agencies.find((a) => a.id === owner)?.name ?? owner;
  return owner === agency.id || lower(owner) === lower(agency.name) || lower(named) === lower(agency.name);
}

export function filterActions(actions: ActionView[], audit: AuditMeta, query: ActionsQuery): ActionView[] {
  return actions.filter(
    (action) =>
      (query.agency === undefined || ownedBy(action, audit, { id: query.agency, name: query.agency })) &&
      (query.status === undefined || action.status === query.status) &&
      (!query.overdue || action.overdue),
  );
}

export async function listPlan(deps: PlanDeps, audit: AuditMeta, query: ActionsQuery): Promise<ActionView[]> {
  const { board, updates } = await planSource(deps, audit.id);
  return filterActions(listActions(board, updates), audit, query);
}

const noAction = (actionId: string) => new DomainError(404, `No action with id '${actionId}' in this audit`);

/**
 * Before the freeze: the chair or an attendee sets the status on the live board.
 * After it: the chair, or a member writing as the owner agency, records progress.
 */
export async function updateAction(
  deps: PlanDeps,
  scope: { audit: AuditMeta; member: MemberRecord | undefined; user: UserRecord; canEdit: boolean },
  actionId: string,
  input: ActionPatchInput,
): Promise<{ action: ActionView; frozen: boolean }> {
  const { audit, member, user } = scope;
  const source = await planSource(deps, audit.id);
  if (!source.snapshotId) {
    if (!scope.canEdit) throw new DomainError(403, "Only the chair and attendees can change actions before the freeze");
    return { action: await updateLive(deps, audit.id, actionId, input), frozen: false };
  }

  const updates = source.updates;
  const current = listActions(source.board, updates).find((a) => a.id === actionId);
  if (!current) throw noAction(actionId);
  if (!member) throw new DomainError(403, "Only members of this audit can update its actions");
  if (member.role !== "chair" && !ownedBy(current, audit, member.agency)) {
    throw new DomainError(403, "After the freeze only the chair or the action's owner agency can update it");
  }
  const update: ActionUpdate = {
    actionId,
    status: input.status ?? current.status,
    ...(input.note ? { note: input.note } : {}),
    userId: user.id,
    name: user.name,
    agency: member.agency.name,
    at: new Date().toISOString(),
  };
  await deps.store.snapshots.addActionUpdate(audit.id, source.snapshotId, update);
  const all = [...updates, update];
  deps.counts.fromFrozen(audit.id, source.board, all);
  return { action: listActions(source.board, all).find((a) => a.id === actionId) as ActionView, frozen: true };
}

/**
 * A live concern is open or actioned: "done" marks it actioned, "open" opens it again. Nothing
 * else has a meaning for it until the freeze (then progress is recorded like any action's).
 */
export function concernStatusFor(status: ActionStatus): ConcernStatus | undefined {
  return status === "done" ? "actioned" : status === "open" ? "open" : undefined;
}

async function updateLive(deps: PlanDeps, auditId: string, actionId: string, input: ActionPatchInput): Promise<ActionView> {
  if (input.note !== undefined) {
    throw new DomainError(400, "note: completion notes are recorded after the freeze; until then, edit the action on the board");
  }
  const action = await changeLiveDocument(deps, auditId, (doc) => {
    if (concernsMap(doc).has(actionId)) {
      const status = input.status && concernStatusFor(input.status);
      if (input.status && !status) {
        throw new DomainError(400, "status: an immediate safeguarding concern is open or done until the freeze");
      }
      if (status) updateConcern(doc, actionId, { status });
      deps.counts.fromDocument(auditId, doc);
      return listActions(readBoard(doc)).find((a) => a.id === actionId);
    }
    const card = cardsMap(doc).get(actionId);
    if (!card || !readAction(card)) return undefined;
    if (input.status) setAction(doc, actionId, { status: input.status });
    deps.counts.fromDocument(auditId, doc);
    return listActions(readBoard(doc)).find((a) => a.id === actionId);
  });
  if (!action) throw noAction(actionId);
  return action;
}
