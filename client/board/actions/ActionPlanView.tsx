/**
 * The action plan: live from the board until the freeze; after it, the frozen copy with the
 * progress owners record beside it (from the API). Either way filterable by owner agency, status
 * and overdue, with each action's SMART warnings and a CSV download.
 */
import { useMemo } from "react";
import { listActions } from "../../../shared/domain/actions.ts";
import { useBoardStatic } from "../BoardContext.tsx";
import { useBoardJson } from "../useBoardJson.ts";
import { ActionPlanContent } from "./ActionPlanContent.tsx";
import { FrozenActionPlan } from "./FrozenActionPlan.tsx";

export function ActionPlanView() {
  const { frozen } = useBoardStatic();
  return frozen ? <FrozenActionPlan /> : <LiveActionPlan />;
}

function LiveActionPlan() {
  const { doc } = useBoardStatic();
  const board = useBoardJson(doc);
  const actions = useMemo(() => listActions(board), [board]);
  return (
    <ActionPlanContent
      actions={actions}
      intro={
        <p className="hint">
          Every “What needs to happen” card made an action, live from the board. An action is SMART enough to follow up once it has an owner
          agency and a due date. Choose an action to open its card.
        </p>
      }
    />
  );
}
