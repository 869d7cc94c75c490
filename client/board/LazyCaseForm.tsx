/** The case form, fetched the first time someone opens it (see CaseForm.tsx), and the "Add a case" button. */
import { lazy, Suspense, useState } from "react";
import { addCase } from "../../shared/board/index.ts";
import { useBoard } from "./BoardContext.tsx";
import type { CaseFormProps } from "./CaseForm.tsx";

const CaseForm = lazy(() => import("./CaseForm.tsx").then((m) => ({ default: m.CaseForm })));

export function LazyCaseForm(props: CaseFormProps) {
  return (
    <Suspense fallback={<p className="hint">Opening the form…</p>}>
      <CaseForm {...props} />
    </Suspense>
  );
}

export function AddCaseForm({ onAdded }: { onAdded: (caseId: string) => void }) {
  const { doc } = useBoard();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="secondary wide" onClick={() => setOpen(true)}>
        Add a case
      </button>
    );
  }
  return (
    <LazyCaseForm
      label="Add a case"
      idPrefix="new-case"
      submitText="Add case"
      onSubmit={(fields) => {
        setOpen(false);
        onAdded(addCase(doc, fields));
      }}
      onCancel={() => setOpen(false)}
    />
  );
}
