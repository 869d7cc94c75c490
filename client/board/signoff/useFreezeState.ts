/**
 * The audit's freeze record (who signed off, when, which snapshot) on the board. The live
 * connection says at once that the board is frozen or reopened; the record itself comes from the
 * API, fetched whenever the two disagree. The server tells connections before it has stored the
 * record, so a fetch that still says otherwise is tried again shortly.
 */
import { useEffect, useState } from "react";
import type { AuditView } from "../../../shared/domain/audit.ts";
import type { FreezeState } from "../../../shared/domain/snapshot.ts";
import { api } from "../../api/client.ts";

const RETRY_MS = [150, 300, 600, 1_000, 2_000, 4_000];

export function useFreezeState(audit: AuditView, frozen: boolean): FreezeState {
  const [state, setState] = useState<FreezeState>(audit.freeze);
  useEffect(() => {
    if (state.frozen === frozen) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = (tries: number) => {
      api.getAuditMeta(audit.id).then(
        (meta) => {
          if (!current) return;
          if (meta.freeze.frozen === frozen || tries >= RETRY_MS.length) setState(meta.freeze);
          else timer = setTimeout(() => attempt(tries + 1), RETRY_MS[tries]);
        },
        // The banner then says what the connection knows, without the details.
        () => undefined,
      );
    };
    attempt(0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [audit.id, frozen, state.frozen]);
  return state;
}
