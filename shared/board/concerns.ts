/**
 * Immediate safeguarding concerns: when the audit uncovers a current risk to a child, anyone in
 * the room raises it on the case — what it is, which agency must act, who, by when (24 hours
 * unless said otherwise). It is shown on the case and to the chair, and goes into the action plan
 * as urgent. Each field is its own key, so two people can complete different fields at once.
 */
import * as Y from "yjs";
import { newId } from "./ids.ts";
import { concernsMap } from "./schema.ts";

export const CONCERN_FIELD = {
  caseId: "caseId",
  concern: "concern",
  agency: "agency",
  who: "who",
  dueAt: "dueAt",
  raisedBy: "raisedBy",
  raisedByAgency: "raisedByAgency",
  raisedAt: "raisedAt",
  status: "status",
} as const;

export const CONCERN_STATUSES = ["open", "actioned"] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

/** Unless the room says otherwise, the agency must act within a day. */
export const DEFAULT_CONCERN_HOURS = 24;

export interface NewConcern {
  caseId: string;
  concern: string;
  /** Agency id of the agency that must act. */
  agency: string;
  who?: string;
  /** ISO date-time; now + 24 hours when omitted. */
  dueAt?: string;
  raisedBy: string;
  raisedByAgency: string;
}

export interface ConcernJson extends Omit<NewConcern, "dueAt"> {
  id: string;
  dueAt: string;
  raisedAt: string;
  status: ConcernStatus;
}

export function raiseConcern(doc: Y.Doc, concern: NewConcern, now = new Date()): string {
  const id = newId();
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    entry.set(CONCERN_FIELD.caseId, concern.caseId);
    entry.set(CONCERN_FIELD.concern, concern.concern);
    entry.set(CONCERN_FIELD.agency, concern.agency);
    if (concern.who) entry.set(CONCERN_FIELD.who, concern.who);
    entry.set(CONCERN_FIELD.dueAt, concern.dueAt ?? new Date(now.getTime() + DEFAULT_CONCERN_HOURS * 3_600_000).toISOString());
    entry.set(CONCERN_FIELD.raisedBy, concern.raisedBy);
    entry.set(CONCERN_FIELD.raisedByAgency, concern.raisedByAgency);
    entry.set(CONCERN_FIELD.raisedAt, now.toISOString());
    entry.set(CONCERN_FIELD.status, "open");
    concernsMap(doc).set(id, entry);
  });
  return id;
}

/** Changes what must happen, who, by when, or marks the concern actioned. */
export function updateConcern(
  doc: Y.Doc,
  concernId: string,
  change: Partial<Pick<ConcernJson, "concern" | "agency" | "who" | "dueAt" | "status">>,
): boolean {
  const entry = concernsMap(doc).get(concernId);
  if (!entry) return false;
  doc.transact(() => {
    for (const [key, value] of Object.entries(change)) if (value !== undefined) entry.set(key, value);
  });
  return true;
}

export function readConcern(id: string, entry: Y.Map<unknown>): ConcernJson {
  const text = (key: string) => {
    const value = entry.get(key);
    return typeof value === "string" ? value : "";
  };
  const status = text(CONCERN_FIELD.status);
  return {
    id,
    caseId: text(CONCERN_FIELD.caseId),
    concern: text(CONCERN_FIELD.concern),
    agency: text(CONCERN_FIELD.agency),
    who: text(CONCERN_FIELD.who) || undefined,
    dueAt: text(CONCERN_FIELD.dueAt),
    raisedBy: text(CONCERN_FIELD.raisedBy),
    raisedByAgency: text(CONCERN_FIELD.raisedByAgency),
    raisedAt: text(CONCERN_FIELD.raisedAt),
    status: CONCERN_STATUSES.includes(status as ConcernStatus) ? (status as ConcernStatus) : "open",
  };
}

/** Every concern, oldest first. */
export function readConcerns(doc: Y.Doc): ConcernJson[] {
  const list: ConcernJson[] = [];
  concernsMap(doc).forEach((entry, id) => {
    list.push(readConcern(id, entry));
  });
  return list.sort((a, b) => (a.raisedAt < b.raisedAt ? -1 : a.raisedAt > b.raisedAt ? 1 : a.id < b.id ? -1 : 1));
}
