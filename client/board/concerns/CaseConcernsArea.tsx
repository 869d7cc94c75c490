/** On a case: its concerns banner and, for those who can change the board, "Raise immediate concern". */
import { useRef, useState } from "react";
import { useBoardStatic } from "../BoardContext.tsx";
import { CaseConcerns } from "./CaseConcerns.tsx";
import { RaiseConcernDialog } from "./RaiseConcernDialog.tsx";
import { useConcerns } from "./useConcerns.ts";

export function CaseConcernsArea({ caseId, caseLabel }: { caseId: string; caseLabel: string }) {
  const { doc, readOnly } = useBoardStatic();
  const concerns = useConcerns(doc).filter((c) => c.caseId === caseId);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      {!readOnly && (
        <div className="case-toolbar">
          <button ref={button} type="button" className="concern-button" onClick={() => setOpen(true)}>
            Raise immediate concern
          </button>
        </div>
      )}
      <CaseConcerns concerns={concerns} />
      {!readOnly && (
        <RaiseConcernDialog
          caseId={caseId}
          caseLabel={caseLabel}
          open={open}
          onClose={() => setOpen(false)}
          afterClose={() => button.current?.focus()}
        />
      )}
    </>
  );
}
