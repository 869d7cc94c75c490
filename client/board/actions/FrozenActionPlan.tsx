/**
 * The action plan of a frozen audit: the signed-off copy with the progress recorded since (from
 * the API, which lays the latest status over the frozen one). The chair and the owner agency's
 * members record a status change and a note; the signed-off copy itself never changes.
 */
import { useEffect, useMemo, useState } from "react";
import type { ActionView } from "../../../shared/domain/actions.ts";
import { snapshotApi } from "../../api/snapshots.ts";
import { useReloadable } from "../../app/useAsync.ts";
import { useBoardStatic } from "../BoardContext.tsx";
import { ActionPlanContent } from "./ActionPlanContent.tsx";
import type { ProgressRow } from "./ActionPlanTable.tsx";
import { ActionProgress, recordButtonId } from "./ActionProgress.tsx";
import { statusTitle } from "./format.ts";
import { canRecordProgress } from "./ownership.ts";

export function FrozenActionPlan() {
  const { audit, user, role, announce } = useBoardStatic();
  const plan = useReloadable(() => snapshotApi.actions(audit.id), [audit.id]);
  const [formFor, setFormFor] = useState<string>();
  // The "Record progress" button to focus once the form that replaced it has gone (after the commit).
  const [refocus, setRefocus] = useState<string>();
  useEffect(() => {
    if (!refocus) return;
    document.getElementById(recordButtonId(refocus))?.focus();
    setRefocus(undefined);
  }, [refocus]);
  const mine = useMemo(() => ({ id: user.agencyId, name: user.agency }), [user.agencyId, user.agency]);
  const { reload } = plan;

  const progress = useMemo<ProgressRow>(() => {
    const close = (actionId: string) => {
      setFormFor(undefined);
      setRefocus(actionId);
    };
    const saved = (action: ActionView) => {
      close(action.id);
      reload();
      announce(`Progress recorded on “${action.text}”: ${statusTitle(action.status)}.`);
    };
    return (action) => (
      <ActionProgress
        auditId={audit.id}
        action={action}
        canRecord={canRecordProgress(action, audit, role, mine)}
        formOpen={formFor === action.id}
        onToggle={() => (formFor === action.id ? close(action.id) : setFormFor(action.id))}
        onSaved={saved}
      />
    );
  }, [audit, role, mine, formFor, reload, announce]);

  const intro = (
    <p className="hint">
      The audit is signed off: this is the action plan as it was frozen, with the progress recorded since. The signed-off copy never
      changes. The chair and members of an action's owner agency can record a status change and a note.
    </p>
  );
  if (plan.state.status === "loading") return <p role="status">Loading the action plan…</p>;
  if (plan.state.status === "error") return <p role="alert">Could not load the action plan: {plan.state.message}</p>;
  return <ActionPlanContent actions={plan.state.value} intro={intro} progress={progress} />;
}
