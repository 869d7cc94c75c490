/** The meeting state as plain values, re-read when its document changes. */
import { useMemo } from "react";
import type * as Y from "yjs";
import { caseBudgets, type MeetingJson, readMeeting } from "../../shared/meeting/index.ts";
import { useDocVersion } from "../collab/useDocVersion.ts";

export function useMeeting(doc: Y.Doc): MeetingJson {
  const version = useDocVersion(doc);
  return useMemo(() => {
    void version;
    return readMeeting(doc);
  }, [doc, version]);
}

/** Minutes per case, or undefined for a case without a budget (no meeting length, none set). */
export function useCaseBudgets(meeting: MeetingJson, caseIds: readonly string[]): Record<string, number | undefined> {
  const key = caseIds.join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the ids.
  return useMemo(() => {
    const budgets: Record<string, number | undefined> = caseBudgets(meeting, caseIds);
    if (meeting.lengthMinutes === undefined) for (const id of caseIds) if (meeting.budgets[id] === undefined) budgets[id] = undefined;
    return budgets;
  }, [meeting, key]);
}
