/**
 * The audit's freeze record (who signed off, when, which snapshot) on the board. The live
 * connection says at once that the board is frozen or reopened; the record itself comes from the
 * API, fetched again whenever the two disagree.
 */
import { useEffect, useState } from "react";
import type { AuditView } from "../../../shared/domain/audit.ts";
import type { FreezeState } from "../../../shared/domain/snapshot.ts";
import { api } from "../../api/client.ts";

export function useFreezeState(audit: AuditView, frozen: boolean): FreezeState {
  const [state, setState] = useState<FreezeState>(audit.freeze);
  useEffect(() => {
    if (state.frozen === frozen) return;
    let current = true;
    api.getAuditMeta(audit.id).then(
      (meta) => current && setState(meta.freeze),
      // The banner then says what the connection knows, without the details.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [audit.id, frozen, state.frozen]);
  return state;
}
